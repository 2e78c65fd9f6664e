import type { Database, Prisma } from "@rally/db";
import type { z } from "zod";

import { notFound } from "../errors.ts";
import { recordEvents } from "../events/record.ts";
import type {
  customerCreateInput,
  customerListInput,
  customerUpdateInput,
} from "../schemas.ts";
import type { Clock } from "../clock.ts";
import { estimateMileages } from "./vehicle-mileage.ts";
import { vehicleSummarySelect } from "./vehicles.ts";

export const customerSelect = {
  id: true,
  externalId: true,
  firstName: true,
  lastName: true,
  email: true,
  phone: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.CustomerSelect;

export async function listCustomers(
  db: Database,
  input: z.output<typeof customerListInput>,
) {
  const where = searchWhere(input.search);
  const rows = await db.prisma.customer.findMany({
    where,
    select: {
      ...customerSelect,
      vehicles: { select: vehicleSummarySelect, orderBy: { id: "asc" } },
    },
    orderBy: { id: "asc" },
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const hasMore = rows.length > input.limit;
  const items = hasMore ? rows.slice(0, input.limit) : rows;

  return { items, nextCursor: hasMore ? items.at(-1)?.id : undefined };
}

function searchWhere(search: string | undefined): Prisma.CustomerWhereInput {
  if (!search) {
    return {};
  }
  const words = search.split(/\s+/).filter(Boolean).slice(0, 5);

  return {
    AND: words.map((word) => ({
      OR: [
        { firstName: { contains: word, mode: "insensitive" } },
        { lastName: { contains: word, mode: "insensitive" } },
        { email: { contains: word, mode: "insensitive" } },
        { phone: { contains: word } },
        { vehicles: { some: { vin: { contains: word.toUpperCase() } } } },
      ],
    })),
  };
}

export async function getCustomer(db: Database, clock: Clock, id: number) {
  const customer = await db.prisma.customer.findUnique({
    where: { id },
    select: {
      ...customerSelect,
      vehicles: { select: vehicleSummarySelect, orderBy: { id: "asc" } },
    },
  });
  if (!customer) {
    throw notFound("customer", id, "id");
  }
  const mileage = await estimateMileages(
    db.prisma,
    clock,
    customer.vehicles.map((v) => v.id),
  );

  return {
    ...customer,
    vehicles: customer.vehicles.map((v) => ({
      ...v,
      estimatedMileage: mileage.get(v.id) ?? null,
    })),
  };
}

export function createCustomer(
  db: Database,
  input: z.output<typeof customerCreateInput>,
) {
  return db.prisma.$transaction(async (tx) => {
    const customer = await tx.customer.create({
      data: input,
      select: customerSelect,
    });
    await recordCustomerChange(tx, customer.id, "created");

    return customer;
  });
}

export async function updateCustomer(
  db: Database,
  { id, ...changes }: z.output<typeof customerUpdateInput>,
) {
  return db.prisma.$transaction(async (tx) => {
    const result = await tx.customer.updateManyAndReturn({
      where: { id },
      data: changes,
      select: customerSelect,
    });
    const customer = result[0];
    if (!customer) {
      throw notFound("customer", id, "id");
    }
    await recordCustomerChange(tx, id, "updated");

    return customer;
  });
}

function recordCustomerChange(
  tx: Prisma.TransactionClient,
  customerId: number,
  change: "created" | "updated",
) {
  return recordEvents(tx, [
    { type: "customer.changed", payload: { customerId, change } },
  ]);
}
