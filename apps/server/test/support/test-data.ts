import { randomUUID } from "node:crypto";

import type { Database } from "@rally/db";

/**
 * Rows the campaign pipeline would make, written straight with Prisma so
 * conversation and booking tests need not run a campaign.
 */
export async function createShop(
  db: Database,
  overrides: { bayCapacity?: number; timeZone?: string } = {},
) {
  return db.prisma.shopSettings.create({
    data: {
      name: "Main Street Auto",
      timeZone: overrides.timeZone ?? "UTC",
      senderName: "Main Street Auto",
      senderEmail: "service@mainstreet.test",
      postalAddress: "1 Main Street",
      bayCapacity: overrides.bayCapacity ?? 2,
      openingHours: [1, 2, 3, 4, 5].map((day) => ({
        day,
        open: "08:00",
        close: "17:00",
      })),
    },
  });
}

let sequence = 0;

export async function createOwner(db: Database, email?: string) {
  sequence += 1;
  const customer = await db.prisma.customer.create({
    data: {
      firstName: "Ana",
      lastName: `Owner ${sequence}`,
      email: email ?? `owner${sequence}@example.com`,
    },
  });
  const vehicle = await db.prisma.vehicle.create({
    data: {
      customerId: customer.id,
      make: "Toyota",
      model: "Corolla",
      year: 2018,
    },
  });

  return { customer, vehicle };
}

export async function createServiceType(db: Database) {
  sequence += 1;

  return db.prisma.serviceType.create({
    data: {
      key: `oil-${sequence}`,
      name: "Oil change",
      defaultCadenceMonths: 6,
    },
  });
}

export async function createCampaign(db: Database, at: Date) {
  const serviceType = await createServiceType(db);
  const rule = await db.prisma.rule.create({
    data: { name: "Oil due", serviceTypeId: serviceType.id, cadenceMonths: 6 },
  });

  return db.prisma.campaign.create({
    data: { ruleId: rule.id, asOf: at, createdAt: at, status: "DONE" },
  });
}

/** An outbound campaign email in its own thread, as the dispatcher leaves it. */
export async function createCampaignEmail(
  db: Database,
  options: {
    campaignId: number;
    customer: { id: number; email: string | null };
    vehicleId: number;
    at: Date;
    status?: "QUEUED" | "SENDING" | "SENT" | "DELIVERED" | "BOUNCED";
    isControl?: boolean;
  },
) {
  const thread = await db.prisma.thread.create({
    data: {
      customerId: options.customer.id,
      subject: "Your Corolla is due for an oil change",
      lastMessageAt: options.at,
      createdAt: options.at,
    },
  });
  const status = options.status ?? "SENT";
  const email = await db.prisma.email.create({
    data: {
      campaignId: options.campaignId,
      threadId: thread.id,
      customerId: options.customer.id,
      vehicleId: options.vehicleId,
      direction: "OUTBOUND",
      status,
      toAddress: options.customer.email ?? "nobody@example.com",
      fromAddress: "service@mainstreet.test",
      subject: thread.subject,
      text: "Time for an oil change.",
      messageId: `<${randomUUID()}@mainstreet.test>`,
      sentAt: status === "QUEUED" ? null : options.at,
      deliveredAt: status === "DELIVERED" ? options.at : null,
      createdAt: options.at,
    },
  });
  await db.prisma.campaignRecipient.create({
    data: {
      campaignId: options.campaignId,
      ruleId: (
        await db.prisma.campaign.findUniqueOrThrow({
          where: { id: options.campaignId },
          select: { ruleId: true },
        })
      ).ruleId,
      vehicleId: options.vehicleId,
      customerId: options.customer.id,
      emailId: email.id,
      isControl: options.isControl ?? false,
      createdAt: options.at,
    },
  });

  if (status === "BOUNCED") {
    await db.prisma.emailEvent.create({
      data: {
        emailId: email.id,
        fromStatus: "SENT",
        toStatus: "BOUNCED",
        occurredAt: options.at,
      },
    });
  }

  return { thread, email };
}

/** A vehicle held back from a campaign's emails to measure its lift. */
export async function createControlRecipient(
  db: Database,
  options: { campaignId: number; at: Date },
) {
  const { customer, vehicle } = await createOwner(db);
  const campaign = await db.prisma.campaign.findUniqueOrThrow({
    where: { id: options.campaignId },
    select: { ruleId: true },
  });
  await db.prisma.campaignRecipient.create({
    data: {
      campaignId: options.campaignId,
      ruleId: campaign.ruleId,
      vehicleId: vehicle.id,
      customerId: customer.id,
      isControl: true,
      createdAt: options.at,
    },
  });

  return { customer, vehicle };
}

/** An owner, a campaign, and the campaign's email to them in its thread. */
export async function createCampaignThread(
  db: Database,
  options: {
    at: Date;
    status?: "QUEUED" | "SENDING" | "SENT" | "DELIVERED" | "BOUNCED";
  },
) {
  const { customer, vehicle } = await createOwner(db);
  const campaign = await createCampaign(db, options.at);
  const sent = await createCampaignEmail(db, {
    campaignId: campaign.id,
    customer,
    vehicleId: vehicle.id,
    at: options.at,
    status: options.status,
  });

  return { customer, vehicle, campaign, ...sent };
}
