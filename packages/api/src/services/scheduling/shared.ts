import type { Prisma } from "@rally/db";

import { DomainError, notFound } from "../../errors.ts";
import type { DomainEventInput } from "../../events/types.ts";
import { isValidTimeZone } from "../../time-zones.ts";

/** Schedulers LISTEN here to wake early when a schedule changes. */
export const SCHEDULES_CHANNEL = "rally_schedules";

export const scheduledCampaignSelect = {
  id: true,
  ruleId: true,
  templateId: true,
  recurringScheduleId: true,
  runAt: true,
  status: true,
  campaignId: true,
  failureReason: true,
  startedAt: true,
  finishedAt: true,
  createdAt: true,
} as const satisfies Prisma.ScheduledCampaignSelect;

export const recurringScheduleSelect = {
  id: true,
  name: true,
  ruleId: true,
  templateId: true,
  frequency: true,
  timeOfDay: true,
  daysOfWeek: true,
  dayOfMonth: true,
  isLastDayOfMonth: true,
  timeZone: true,
  startDate: true,
  endDate: true,
  graceMinutes: true,
  isPaused: true,
  nextRunAt: true,
  lastRunAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.RecurringScheduleSelect;

/** Wakes every scheduler once the caller's transaction commits. */
export async function signalSchedulesChanged(tx: Prisma.TransactionClient) {
  await tx.$executeRaw`SELECT pg_notify(${SCHEDULES_CHANNEL}, '')`;
}

export function recurringChanged(schedule: {
  id: number;
  isPaused: boolean;
  nextRunAt: Date | null;
}): DomainEventInput {
  return {
    type: "schedule.changed",
    payload: {
      scheduleId: schedule.id,
      kind: "recurring",
      status: schedule.isPaused ? "PAUSED" : "ACTIVE",
      nextRunAt: schedule.nextRunAt?.toISOString() ?? null,
    },
  };
}

export function runChanged(run: {
  id: number;
  recurringScheduleId: number | null;
  status: string;
  campaignId?: number | null;
}): DomainEventInput {
  return {
    type: "schedule.run",
    campaignId: run.campaignId ?? null,
    payload: {
      scheduledCampaignId: run.id,
      scheduleId: run.recurringScheduleId,
      status: run.status,
      campaignId: run.campaignId ?? null,
    },
  };
}

/** The shop's zone is the default for new schedules; UTC until it is set. */
export async function shopTimeZone(tx: Prisma.TransactionClient) {
  const settings = await tx.shopSettings.findUnique({
    where: { id: 1 },
    select: { timeZone: true },
  });
  const zone = settings?.timeZone;

  return zone && isValidTimeZone(zone) ? zone : "UTC";
}

/** A schedule must name a live rule and, when it names one, a live template. */
export async function assertRunnable(
  tx: Prisma.TransactionClient,
  ruleId: number,
  templateId: number | null | undefined,
) {
  const rule = await tx.rule.findUnique({
    where: { id: ruleId },
    select: { archivedAt: true },
  });
  if (!rule) {
    throw notFound("rule", ruleId, "ruleId");
  }
  if (rule.archivedAt) {
    throw new DomainError(
      "INVALID_STATE",
      `rule ${ruleId} is archived`,
      "ruleId",
    );
  }
  if (templateId == null) {
    return;
  }
  const template = await tx.template.findUnique({
    where: { id: templateId },
    select: { archivedAt: true },
  });
  if (!template) {
    throw notFound("template", templateId, "templateId");
  }
  if (template.archivedAt) {
    throw new DomainError(
      "INVALID_STATE",
      `template ${templateId} is archived`,
      "templateId",
    );
  }
}

/** One page of rows fetched with `take: limit + 1`. */
export function page<T extends { id: number }>(rows: T[], limit: number) {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;

  return { items, nextCursor: hasMore ? items.at(-1)?.id : undefined };
}
