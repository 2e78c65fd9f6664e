import type { Database } from "@rally/db";
import type { z } from "zod";

import type { serviceTypeCreateInput } from "../schemas.ts";

export const serviceTypeSelect = {
  id: true,
  key: true,
  name: true,
  defaultCadenceMonths: true,
} as const;

export function listServiceTypes(db: Database) {
  return db.prisma.serviceType.findMany({
    select: serviceTypeSelect,
    orderBy: { name: "asc" },
  });
}

export function createServiceType(
  db: Database,
  input: z.output<typeof serviceTypeCreateInput>,
) {
  return db.prisma.serviceType.create({
    data: input,
    select: serviceTypeSelect,
  });
}
