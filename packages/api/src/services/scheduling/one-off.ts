import type { Database } from "@rally/db";
import type { z } from "zod";

import type { Clock } from "../../clock.ts";
import { DomainError, notFound } from "../../errors.ts";
import { recordEvents } from "../../events/record.ts";
import type {
  scheduleCreateInput,
  scheduleListInput,
} from "../../schedule-schemas.ts";
import {
  assertRunnable,
  page,
  scheduledCampaignSelect,
  signalSchedulesChanged,
} from "./shared.ts";

interface Deps {
  db: Database;
  clock: Clock;
}

function oneOffChanged(run: { id: number; status: string; runAt: Date }) {
  return {
    type: "schedule.changed" as const,
    payload: {
      scheduleId: run.id,
      kind: "one-off",
      status: run.status,
      nextRunAt: run.status === "PENDING" ? run.runAt.toISOString() : null,
    },
  };
}

export async function createScheduledCampaign(
  { db, clock }: Deps,
  input: z.output<typeof scheduleCreateInput>,
) {
  const now = clock.now();
  if (input.runAt.getTime() <= now.getTime()) {
    throw new DomainError(
      "INVALID_INPUT",
      `runAt ${input.runAt.toISOString()} is not in the future (it is now ${now.toISOString()})`,
      "runAt",
    );
  }

  return db.prisma.$transaction(async (tx) => {
    await assertRunnable(tx, input.ruleId, input.templateId);
    const run = await tx.scheduledCampaign.create({
      data: {
        ruleId: input.ruleId,
        templateId: input.templateId ?? null,
        runAt: input.runAt,
      },
      select: scheduledCampaignSelect,
    });
    await recordEvents(tx, [oneOffChanged(run)]);
    await signalSchedulesChanged(tx);

    return run;
  });
}

/** One-off schedules, soonest first; occurrences are under recurring.runs. */
export async function listScheduledCampaigns(
  db: Database,
  input: z.output<typeof scheduleListInput>,
) {
  const rows = await db.prisma.scheduledCampaign.findMany({
    where: {
      recurringScheduleId: null,
      status: input.status,
      ruleId: input.ruleId,
    },
    select: scheduledCampaignSelect,
    orderBy: [{ runAt: "asc" }, { id: "asc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });

  return page(rows, input.limit);
}

export async function getScheduledCampaign(db: Database, id: number) {
  const run = await db.prisma.scheduledCampaign.findUnique({
    where: { id },
    select: scheduledCampaignSelect,
  });
  if (!run) {
    throw notFound("scheduled campaign", id, "id");
  }

  return run;
}

/** Only a run that has not started can be cancelled. */
export async function cancelScheduledCampaign(db: Database, id: number) {
  return db.prisma.$transaction(async (tx) => {
    const [run] = await tx.scheduledCampaign.updateManyAndReturn({
      where: { id, status: "PENDING" },
      data: { status: "CANCELLED" },
      select: scheduledCampaignSelect,
    });
    if (!run) {
      const existing = await tx.scheduledCampaign.findUnique({
        where: { id },
        select: { status: true },
      });
      if (!existing) {
        throw notFound("scheduled campaign", id, "id");
      }
      throw new DomainError(
        "INVALID_STATE",
        `scheduled campaign ${id} is ${existing.status}; only a PENDING one can be cancelled`,
        "id",
      );
    }
    await recordEvents(tx, [oneOffChanged(run)]);
    await signalSchedulesChanged(tx);

    return run;
  });
}
