import type { Database } from "@rally/db";
import fc from "fast-check";

/** Random small shops for the brute-force property test. */
const base = Date.parse("2025-01-01T00:00:00Z");
const dayMs = 86_400_000;
/** Instants over two years, at any hour, so month ends and midnights occur. */
const instant = fc
  .integer({ min: 0, max: 730 * 24 - 1 })
  .map((hours) => new Date(base + hours * 3_600_000));

const vehicleShape = fc.record({
  owner: fc.integer({ min: 0, max: 5 }),
  make: fc.constantFrom("Toyota", "Ford"),
  year: fc.integer({ min: 2005, max: 2020 }),
  status: fc.constantFrom("ACTIVE", "ACTIVE", "ACTIVE", "SOLD"),
  records: fc.array(
    fc.record({
      at: instant,
      type: fc.integer({ min: 0, max: 1 }),
      odometer: fc.option(fc.integer({ min: 0, max: 120_000 })),
      declined: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  appointment: fc.option(
    fc.record({
      at: instant,
      status: fc.constantFrom("SCHEDULED", "CANCELLED", "COMPLETED"),
    }),
    { freq: 2 },
  ),
  recipient: fc.option(
    fc.record({
      at: instant,
      isControl: fc.boolean(),
      campaignStatus: fc.constantFrom("SENDING", "DONE", "CANCELLED"),
      emailStatus: fc.constantFrom(null, "SENT", "CANCELLED", "FAILED"),
      isOtherRule: fc.boolean(),
    }),
    { freq: 2 },
  ),
});

export const shopShape = fc.record({
  timeZone: fc.constantFrom(
    "UTC",
    "Pacific/Kiritimati",
    "Pacific/Auckland",
    "America/Los_Angeles",
    "Asia/Kolkata",
  ),
  capDays: fc.integer({ min: 1, max: 30 }),
  owners: fc.array(
    fc.record({
      email: fc.constantFrom(null, "a", "b", "c", "d", "e"),
      isSuppressed: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    }),
    { minLength: 6, maxLength: 6 },
  ),
  vehicles: fc.array(vehicleShape, { minLength: 1, maxLength: 10 }),
  rule: fc.record({
    kind: fc.constantFrom("SERVICE_DUE", "SERVICE_DUE", "DECLINED_WORK"),
    cadenceMonths: fc.integer({ min: 1, max: 13 }),
    mileageInterval: fc.option(fc.integer({ min: 500, max: 20_000 }), {
      freq: 2,
    }),
    includeNeverServiced: fc.boolean(),
    declinedOffsetsDays: fc.uniqueArray(fc.integer({ min: 1, max: 200 }), {
      minLength: 1,
      maxLength: 3,
    }),
    make: fc.option(fc.constantFrom("toyota", "FORD"), { freq: 2 }),
    yearMin: fc.option(fc.integer({ min: 2005, max: 2020 }), { freq: 2 }),
    visitedWithinMonths: fc.option(fc.integer({ min: 1, max: 18 }), {
      freq: 2,
    }),
  }),
  asOf: instant.map((d) => new Date(d.getTime() + 365 * dayMs)),
  /** Minutes around a due date's local midnight, to land on the boundary. */
  boundaryMinutes: fc.option(fc.integer({ min: -2, max: 1 }), { freq: 2 }),
});

export type Shop = typeof shopShape extends fc.Arbitrary<infer T> ? T : never;

export async function seedRandomShop(db: Database, shop: Shop) {
  const { prisma } = db;
  await db.sql.exec(
    `TRUNCATE customers, vehicles, service_records, declined_services,
      appointments, rules, campaigns, campaign_recipients, emails,
      suppressions, service_types, shop_settings RESTART IDENTITY CASCADE`,
  );
  await prisma.shopSettings.create({
    data: {
      name: "Shop",
      timeZone: shop.timeZone,
      senderName: "Shop",
      senderEmail: "shop@example.com",
      postalAddress: "1 Main St",
      openingHours: [],
      frequencyCapDays: shop.capDays,
    },
  });
  const types = await prisma.serviceType.createManyAndReturn({
    data: [0, 1].map((i) => ({
      key: `t${i}`,
      name: `T${i}`,
      defaultCadenceMonths: 6,
    })),
  });
  const customers = await prisma.customer.createManyAndReturn({
    data: shop.owners.map((o, i) => ({
      firstName: "O",
      lastName: `${i}`,
      email: o.email && `${o.email}${i}@Example.com`,
    })),
  });
  await prisma.suppression.createMany({
    data: shop.owners.flatMap((o, i) =>
      o.email && o.isSuppressed
        ? [
            {
              email: `${o.email}${i}@example.com`,
              reason: "UNSUBSCRIBED" as const,
            },
          ]
        : [],
    ),
  });
  const { rule } = shop;
  const [ruleRow, otherRule] = await prisma.rule.createManyAndReturn({
    data: [0, 1].map(() => ({
      name: "R",
      kind: rule.kind as "SERVICE_DUE",
      serviceTypeId: types[0]!.id,
      cadenceMonths: rule.cadenceMonths,
      mileageInterval: rule.mileageInterval,
      includeNeverServiced: rule.includeNeverServiced,
      declinedOffsetsDays: rule.declinedOffsetsDays.sort((a, b) => a - b),
      filters: {
        ...(rule.make ? { make: rule.make } : {}),
        ...(rule.yearMin ? { yearMin: rule.yearMin } : {}),
        ...(rule.visitedWithinMonths
          ? { visitedWithinMonths: rule.visitedWithinMonths }
          : {}),
      },
    })),
  });
  for (const v of shop.vehicles) {
    const customer = customers[v.owner]!;
    const vehicle = await prisma.vehicle.create({
      data: {
        customerId: customer.id,
        make: v.make,
        model: "M",
        year: v.year,
        status: v.status as "ACTIVE",
      },
    });
    for (const r of v.records) {
      await prisma.serviceRecord.create({
        data: {
          vehicleId: vehicle.id,
          serviceTypeId: types[r.type]!.id,
          performedAt: r.at,
          odometer: r.odometer,
          declined: r.declined
            ? { create: [{ serviceTypeId: types[0]!.id, priceCents: 100 }] }
            : undefined,
        },
      });
    }
    if (v.appointment) {
      await prisma.appointment.create({
        data: {
          vehicleId: vehicle.id,
          scheduledFor: v.appointment.at,
          status: v.appointment.status as "SCHEDULED",
        },
      });
    }
    if (v.recipient) {
      const target = v.recipient.isOtherRule ? otherRule! : ruleRow!;
      const campaign = await prisma.campaign.create({
        data: {
          ruleId: target.id,
          status: v.recipient.campaignStatus as "DONE",
          asOf: v.recipient.at,
        },
      });
      const email = v.recipient.emailStatus
        ? await prisma.email.create({
            data: {
              campaignId: campaign.id,
              customerId: customer.id,
              vehicleId: vehicle.id,
              status: v.recipient.emailStatus as "SENT",
              toAddress: "x@example.com",
              fromAddress: "shop@example.com",
              subject: "S",
              messageId: `<${campaign.id}@shop>`,
              createdAt: v.recipient.at,
            },
          })
        : null;
      await prisma.campaignRecipient.create({
        data: {
          campaignId: campaign.id,
          ruleId: target.id,
          vehicleId: vehicle.id,
          customerId: customer.id,
          emailId: email?.id ?? null,
          isControl: v.recipient.isControl,
          createdAt: v.recipient.at,
        },
      });
    }
  }

  return ruleRow!.id;
}
