import type { Database } from "@rally/db";

/** Direct inserts for cohort tests: fast, and free of procedure rules. */
export function cohortBuilder(db: Database) {
  const { prisma } = db;
  let serial = 0;
  const next = () => ++serial;

  return {
    shop(timeZone: string, frequencyCapDays = 7) {
      return prisma.shopSettings.upsert({
        where: { id: 1 },
        create: {
          name: "Test Garage",
          timeZone,
          senderName: "Test Garage",
          senderEmail: "hello@garage.test",
          postalAddress: "1 Main St",
          openingHours: [],
          frequencyCapDays,
        },
        update: { timeZone, frequencyCapDays },
      });
    },
    serviceType(key = `type-${next()}`) {
      return prisma.serviceType.create({
        data: { key, name: key, defaultCadenceMonths: 6 },
      });
    },
    customer(email: string | null = `owner${next()}@example.com`) {
      return prisma.customer.create({
        data: { firstName: "Test", lastName: `Owner${next()}`, email },
      });
    },
    async vehicle(
      options: {
        customerId?: number;
        make?: string;
        model?: string;
        year?: number;
        status?: "ACTIVE" | "SOLD" | "INACTIVE";
      } = {},
    ) {
      const customerId = options.customerId ?? (await this.customer()).id;

      return prisma.vehicle.create({
        data: {
          customerId,
          make: options.make ?? "Toyota",
          model: options.model ?? "Corolla",
          year: options.year ?? 2018,
          status: options.status ?? "ACTIVE",
        },
      });
    },
    service(
      vehicleId: number,
      serviceTypeId: number,
      performedAt: Date | string,
      options: { odometer?: number; declined?: number[] } = {},
    ) {
      return prisma.serviceRecord.create({
        data: {
          vehicleId,
          serviceTypeId,
          performedAt: new Date(performedAt),
          odometer: options.odometer ?? null,
          declined: {
            create: (options.declined ?? []).map((typeId) => ({
              serviceTypeId: typeId,
              priceCents: 12_000,
            })),
          },
        },
      });
    },
    appointment(
      vehicleId: number,
      scheduledFor: Date | string,
      status: "SCHEDULED" | "COMPLETED" | "CANCELLED" | "NO_SHOW" = "SCHEDULED",
    ) {
      return prisma.appointment.create({
        data: { vehicleId, scheduledFor: new Date(scheduledFor), status },
      });
    },
    suppress(email: string) {
      return prisma.suppression.create({
        data: { email: email.toLowerCase(), reason: "UNSUBSCRIBED" },
      });
    },
    rule(data: {
      serviceTypeId: number;
      cadenceMonths?: number;
      kind?: "SERVICE_DUE" | "DECLINED_WORK";
      mileageInterval?: number | null;
      includeNeverServiced?: boolean;
      filters?: Record<string, unknown>;
      declinedOffsetsDays?: number[];
    }) {
      return prisma.rule.create({
        data: { name: `Rule ${next()}`, cadenceMonths: 6, ...data } as never,
      });
    },
    campaign(
      ruleId: number,
      status: "QUEUED" | "SENDING" | "PAUSED" | "DONE" | "CANCELLED",
    ) {
      return prisma.campaign.create({
        data: { ruleId, status, asOf: new Date() },
      });
    },
    /** A campaign email to the vehicle's owner, with its recipient row. */
    async emailed(options: {
      ruleId: number;
      vehicleId: number;
      customerId: number;
      at: Date | string;
      campaignStatus?: "QUEUED" | "SENDING" | "PAUSED" | "DONE" | "CANCELLED";
      emailStatus?:
        "QUEUED" | "SENT" | "CANCELLED" | "SKIPPED" | "FAILED" | null;
      isControl?: boolean;
    }) {
      const at = new Date(options.at);
      const campaign = await this.campaign(
        options.ruleId,
        options.campaignStatus ?? "DONE",
      );
      const email =
        options.emailStatus === null
          ? null
          : await prisma.email.create({
              data: {
                campaignId: campaign.id,
                customerId: options.customerId,
                vehicleId: options.vehicleId,
                status: options.emailStatus ?? "SENT",
                toAddress: "owner@example.com",
                fromAddress: "hello@garage.test",
                subject: "Due",
                messageId: `<m${next()}@garage.test>`,
                createdAt: at,
              },
            });

      return prisma.campaignRecipient.create({
        data: {
          campaignId: campaign.id,
          ruleId: options.ruleId,
          vehicleId: options.vehicleId,
          customerId: options.customerId,
          emailId: email?.id ?? null,
          isControl: options.isControl ?? false,
          createdAt: at,
        },
      });
    },
  };
}

export type CohortBuilder = ReturnType<typeof cohortBuilder>;
