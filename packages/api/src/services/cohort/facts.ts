import type { Prisma } from "@rally/db";

import type { VehicleFacts } from "./evaluate.ts";

/**
 * Loads what the evaluator needs for the given vehicles, row by row. Meant
 * for one vehicle (explain) or a small shop (tests), never for a cohort.
 */
export async function loadVehicleFacts(
  prisma: Prisma.TransactionClient,
  vehicleIds: number[],
  ruleId: number | null,
): Promise<VehicleFacts[]> {
  const vehicles = await prisma.vehicle.findMany({
    where: { id: { in: vehicleIds } },
    select: {
      id: true,
      customerId: true,
      status: true,
      make: true,
      model: true,
      year: true,
      appointments: { select: { scheduledFor: true, status: true } },
      customer: {
        select: {
          email: true,
          vehicles: {
            select: { serviceRecords: { select: { performedAt: true } } },
          },
          emails: {
            select: {
              createdAt: true,
              status: true,
              direction: true,
              campaignId: true,
            },
          },
        },
      },
      serviceRecords: {
        select: {
          performedAt: true,
          serviceTypeId: true,
          odometer: true,
          declined: { select: { serviceTypeId: true } },
        },
      },
      recipients: {
        where: { ruleId: ruleId ?? -1 },
        select: {
          createdAt: true,
          isControl: true,
          campaign: { select: { status: true } },
          email: { select: { status: true } },
        },
      },
    },
    orderBy: { id: "asc" },
  });
  const addresses = vehicles.flatMap((v) =>
    v.customer.email ? [v.customer.email.trim().toLowerCase()] : [],
  );
  const suppressed = await prisma.suppression.findMany({
    where: { email: { in: addresses } },
    select: { email: true },
  });
  const suppressedSet = new Set(suppressed.map((s) => s.email));

  return vehicles.map((v) => ({
    vehicle: {
      id: v.id,
      customerId: v.customerId,
      status: v.status,
      make: v.make,
      model: v.model,
      year: v.year,
    },
    customerEmail: v.customer.email,
    isSuppressed: suppressedSet.has(
      (v.customer.email ?? "").trim().toLowerCase(),
    ),
    records: v.serviceRecords.map((r) => ({
      performedAt: r.performedAt,
      serviceTypeId: r.serviceTypeId,
      odometer: r.odometer,
      declinedServiceTypeIds: r.declined.map((d) => d.serviceTypeId),
    })),
    customerVisits: v.customer.vehicles.flatMap((cv) =>
      cv.serviceRecords.map((r) => r.performedAt),
    ),
    appointments: v.appointments,
    recipients: v.recipients.map((r) => ({
      createdAt: r.createdAt,
      isControl: r.isControl,
      campaignStatus: r.campaign.status,
      emailStatus: r.email?.status ?? null,
    })),
    customerEmails: v.customer.emails,
  }));
}
