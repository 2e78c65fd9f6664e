import type { Database } from "@rally/db";
import type { z } from "zod";

import { notFound } from "../../errors.ts";
import type {
  recurringListInput,
  recurringRunsInput,
} from "../../schedule-schemas.ts";
import {
  page,
  recurringScheduleSelect,
  scheduledCampaignSelect,
} from "./shared.ts";

export async function listRecurringSchedules(
  db: Database,
  input: z.output<typeof recurringListInput>,
) {
  const rows = await db.prisma.recurringSchedule.findMany({
    where: { ruleId: input.ruleId },
    select: recurringScheduleSelect,
    orderBy: { id: "asc" },
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });

  return page(rows, input.limit);
}

/** A schedule's history, newest occurrence first: one row per occurrence. */
export async function listRecurringRuns(
  db: Database,
  input: z.output<typeof recurringRunsInput>,
) {
  const count = await db.prisma.recurringSchedule.count({
    where: { id: input.id },
  });
  if (count === 0) {
    throw notFound("recurring schedule", input.id, "id");
  }
  const rows = await db.prisma.scheduledCampaign.findMany({
    where: { recurringScheduleId: input.id, status: input.status },
    select: scheduledCampaignSelect,
    orderBy: [{ runAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });

  return page(rows, input.limit);
}
