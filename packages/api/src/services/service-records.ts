import type { Database, Prisma } from "@rally/db";
import type { z } from "zod";

import { DomainError } from "../errors.ts";
import { recordEvents } from "../events/record.ts";
import type {
  serviceRecordCreateInput,
  serviceRecordListInput,
} from "../schemas.ts";
import { serviceTypeSelect } from "./service-types.ts";

export const serviceRecordSelect = {
  id: true,
  externalId: true,
  vehicleId: true,
  performedAt: true,
  odometer: true,
  notes: true,
  createdAt: true,
  serviceType: { select: serviceTypeSelect },
  declined: {
    select: {
      id: true,
      priceCents: true,
      serviceType: { select: serviceTypeSelect },
    },
  },
} as const satisfies Prisma.ServiceRecordSelect;

export async function createServiceRecord(
  db: Database,
  { declined, ...input }: z.output<typeof serviceRecordCreateInput>,
) {
  const typeIds = [
    input.serviceTypeId,
    ...declined.map((d) => d.serviceTypeId),
  ];
  const [vehicleCount, knownTypes] = await Promise.all([
    db.prisma.vehicle.count({ where: { id: input.vehicleId } }),
    db.prisma.serviceType.findMany({
      where: { id: { in: typeIds } },
      select: { id: true },
    }),
  ]);
  if (vehicleCount === 0) {
    throw new DomainError(
      "NOT_FOUND",
      `vehicle ${input.vehicleId} does not exist`,
      "vehicleId",
    );
  }
  const known = new Set(knownTypes.map((type) => type.id));
  if (!known.has(input.serviceTypeId)) {
    throw new DomainError(
      "NOT_FOUND",
      `service type ${input.serviceTypeId} does not exist`,
      "serviceTypeId",
    );
  }
  const unknownIndex = declined.findIndex((d) => !known.has(d.serviceTypeId));
  if (unknownIndex >= 0) {
    throw new DomainError(
      "NOT_FOUND",
      `service type ${declined[unknownIndex]?.serviceTypeId} does not exist`,
      `declined.${unknownIndex}.serviceTypeId`,
    );
  }

  return db.prisma.$transaction(async (tx) => {
    const record = await tx.serviceRecord.create({
      data: { ...input, declined: { create: declined } },
      select: serviceRecordSelect,
    });
    await recordEvents(tx, [
      {
        type: "serviceRecord.created",
        payload: { id: record.id, vehicleId: record.vehicleId },
      },
    ]);

    return record;
  });
}

export async function listServiceRecords(
  db: Database,
  input: z.output<typeof serviceRecordListInput>,
) {
  const rows = await db.prisma.serviceRecord.findMany({
    where: { vehicleId: input.vehicleId, serviceTypeId: input.serviceTypeId },
    select: serviceRecordSelect,
    orderBy: [{ performedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const hasMore = rows.length > input.limit;
  const items = hasMore ? rows.slice(0, input.limit) : rows;

  return { items, nextCursor: hasMore ? items.at(-1)?.id : undefined };
}
