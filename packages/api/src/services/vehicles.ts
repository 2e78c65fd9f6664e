import type { Database, Prisma } from "@rally/db";
import type { z } from "zod";

import { DomainError, notFound } from "../errors.ts";
import { recordEvents } from "../events/record.ts";
import type { vehicleCreateInput, vehicleUpdateInput } from "../schemas.ts";
import type { Clock } from "../clock.ts";
import { serviceTypeSelect } from "./service-types.ts";
import { estimateMileages } from "./vehicle-mileage.ts";

export const vehicleSummarySelect = {
  id: true,
  externalId: true,
  customerId: true,
  vin: true,
  make: true,
  model: true,
  year: true,
  status: true,
} as const satisfies Prisma.VehicleSelect;

/** What a vehicle's page shows of the emails about it. */
const vehicleEmailSelect = {
  id: true,
  direction: true,
  subject: true,
  status: true,
  toAddress: true,
  createdAt: true,
  sentAt: true,
  deliveredAt: true,
  campaignId: true,
  threadId: true,
} as const satisfies Prisma.EmailSelect;

/** How many of a vehicle's emails its page lists, latest first. */
const VEHICLE_EMAILS_SHOWN = 50;

/**
 * Emails about one vehicle: its own, and campaign emails that covered it
 * among an owner's several due vehicles. Each side is read along its own
 * index; one OR across both would scan every email.
 */
async function emailsAbout(db: Database, vehicleId: number) {
  const take = VEHICLE_EMAILS_SHOWN;
  const [own, covered] = await Promise.all([
    db.prisma.email.findMany({
      where: { vehicleId },
      select: { id: true },
      orderBy: { id: "desc" },
      take,
    }),
    db.prisma.campaignRecipient.findMany({
      where: { vehicleId, emailId: { not: null } },
      select: { emailId: true },
      orderBy: { emailId: "desc" },
      take,
    }),
  ]);
  const ids = [
    ...own.map((email) => email.id),
    ...covered.flatMap((recipient) => recipient.emailId ?? []),
  ];

  return db.prisma.email.findMany({
    where: { id: { in: ids } },
    select: vehicleEmailSelect,
    orderBy: { id: "desc" },
    take,
  });
}

export async function getVehicle(db: Database, clock: Clock, id: number) {
  const vehicle = await db.prisma.vehicle.findUnique({
    where: { id },
    select: {
      ...vehicleSummarySelect,
      createdAt: true,
      customer: {
        select: { id: true, firstName: true, lastName: true, email: true },
      },
      serviceRecords: {
        select: {
          id: true,
          performedAt: true,
          odometer: true,
          notes: true,
          serviceType: { select: serviceTypeSelect },
          declined: {
            select: {
              id: true,
              priceCents: true,
              serviceType: { select: serviceTypeSelect },
            },
          },
        },
        orderBy: { performedAt: "desc" },
        take: 200,
      },
      appointments: {
        select: {
          id: true,
          scheduledFor: true,
          status: true,
          source: true,
          notes: true,
          campaignId: true,
          serviceType: { select: serviceTypeSelect },
        },
        orderBy: { scheduledFor: "desc" },
        take: 100,
      },
    },
  });
  if (!vehicle) {
    throw notFound("vehicle", id, "id");
  }
  const [mileage, emails] = await Promise.all([
    estimateMileages(db.prisma, clock, [id]),
    emailsAbout(db, id),
  ]);

  return { ...vehicle, emails, estimatedMileage: mileage.get(id) ?? null };
}

export async function createVehicle(
  db: Database,
  input: z.output<typeof vehicleCreateInput>,
) {
  await assertCustomerExists(db, input.customerId);

  return db.prisma.$transaction(async (tx) => {
    const vehicle = await tx.vehicle.create({
      data: input,
      select: vehicleSummarySelect,
    });
    await recordVehicleChange(tx, vehicle, null, "created");

    return vehicle;
  });
}

export async function updateVehicle(
  db: Database,
  { id, ...changes }: z.output<typeof vehicleUpdateInput>,
) {
  if (changes.customerId !== undefined) {
    await assertCustomerExists(db, changes.customerId);
  }

  return db.prisma.$transaction(async (tx) => {
    const before = await tx.vehicle.findUnique({
      where: { id },
      select: { customerId: true },
    });
    const result = await tx.vehicle.updateManyAndReturn({
      where: { id },
      data: changes,
      select: vehicleSummarySelect,
    });
    const vehicle = result[0];
    if (!before || !vehicle) {
      throw notFound("vehicle", id, "id");
    }
    await recordVehicleChange(tx, vehicle, before.customerId, "updated");

    return vehicle;
  });
}

/** Names the previous owner too when the vehicle changed hands. */
export function recordVehicleChange(
  tx: Prisma.TransactionClient,
  vehicle: { id: number; customerId: number },
  previousCustomerId: number | null,
  change: "created" | "updated",
) {
  const isNewOwner =
    previousCustomerId !== null && previousCustomerId !== vehicle.customerId;

  return recordEvents(tx, [
    {
      type: "vehicle.changed",
      payload: {
        vehicleId: vehicle.id,
        customerId: vehicle.customerId,
        ...(isNewOwner ? { previousCustomerId } : {}),
        change,
      },
    },
  ]);
}

async function assertCustomerExists(db: Database, customerId: number) {
  const count = await db.prisma.customer.count({ where: { id: customerId } });
  if (count === 0) {
    throw new DomainError(
      "NOT_FOUND",
      `customer ${customerId} does not exist`,
      "customerId",
    );
  }
}
