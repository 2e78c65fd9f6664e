import type { Database, Prisma } from "@rally/db";

import { recordEvents } from "../../events/record.ts";
import type { DomainEventInput } from "../../events/types.ts";
import { nextOccurrence, occurrencesBetween } from "./occurrences.ts";
import { toRecurrence } from "./recurring.ts";
import {
  recurringChanged,
  runChanged,
  scheduledCampaignSelect,
} from "./shared.ts";

type Tx = Prisma.TransactionClient;

/**
 * A schedule that was down for a long time records at most this many
 * MISSED occurrences; older ones leave no row (the history starts there).
 */
const MAX_MISSED_RECORDED = 100;

const MINUTE_MS = 60_000;

export const MISSED_REASON =
  "the scheduler was not running within the grace window";

export type RunOutcome =
  { ok: true; campaignId: number } | { ok: false; reason: string };

export type ClaimedRun = Awaited<ReturnType<typeof claimDue>>[number];

/**
 * Turns the due occurrences of recurring schedules into rows. The row for
 * (schedule, occurrence) is unique, so however many schedulers get here,
 * an occurrence exists once. Only the latest missed occurrence within the
 * grace window is left PENDING to run; older ones are recorded MISSED.
 * Returns how many schedules it advanced.
 */
export async function materializeDue(db: Database, now: Date, batch: number) {
  return db.prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM recurring_schedules
      WHERE is_paused = false AND next_run_at <= ${now}
      ORDER BY next_run_at
      LIMIT ${batch}
      FOR UPDATE SKIP LOCKED`;
    if (locked.length === 0) {
      return 0;
    }
    const schedules = await tx.recurringSchedule.findMany({
      where: { id: { in: locked.map((row) => row.id) } },
    });
    const events: DomainEventInput[] = [];
    for (const schedule of schedules) {
      events.push(...(await materializeOne(tx, schedule, now)));
    }
    await recordEvents(tx, events);

    return schedules.length;
  });
}

async function materializeOne(
  tx: Tx,
  schedule: Prisma.RecurringScheduleGetPayload<object>,
  now: Date,
) {
  const recurrence = toRecurrence(schedule);
  const first = schedule.nextRunAt ?? now;
  const later = occurrencesBetween(recurrence, first, now, MAX_MISSED_RECORDED);
  const due = later.length >= MAX_MISSED_RECORDED ? later : [first, ...later];
  const latest = due.at(-1) ?? first;
  const isLatestInGrace =
    now.getTime() - latest.getTime() <= schedule.graceMinutes * MINUTE_MS;
  const created = await tx.scheduledCampaign.createManyAndReturn({
    data: due.map((runAt) => {
      const isRun = runAt === latest && isLatestInGrace;

      return {
        ruleId: schedule.ruleId,
        templateId: schedule.templateId,
        recurringScheduleId: schedule.id,
        runAt,
        status: isRun ? ("PENDING" as const) : ("MISSED" as const),
        failureReason: isRun ? null : MISSED_REASON,
        finishedAt: isRun ? null : now,
      };
    }),
    skipDuplicates: true,
    select: scheduledCampaignSelect,
  });
  const advanced = await tx.recurringSchedule.update({
    where: { id: schedule.id },
    data: { nextRunAt: nextOccurrence(recurrence, now) },
    select: { id: true, isPaused: true, nextRunAt: true },
  });

  return [
    ...created.filter((run) => run.status === "MISSED").map(runChanged),
    recurringChanged(advanced),
  ];
}

interface ClaimOptions {
  now: Date;
  instanceId: string;
  leaseMs: number;
  /** For one-off runs; a recurring run uses its schedule's window. */
  graceMinutes: number;
  batch: number;
}

interface DueRow {
  id: number;
  status: string;
  runAt: Date;
  graceMinutes: number;
}

/**
 * Claims due runs and runs whose claimant's lease ran out (it died between
 * claiming and finishing). A PENDING run older than its grace window is
 * recorded MISSED instead of being sent late.
 */
export async function claimDue(db: Database, options: ClaimOptions) {
  const { now, instanceId } = options;

  return db.prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<DueRow[]>`
      SELECT sc.id, sc.status::text AS status, sc.run_at AS "runAt",
        COALESCE(rs.grace_minutes, ${options.graceMinutes})::int
          AS "graceMinutes"
      FROM scheduled_campaigns sc
      LEFT JOIN recurring_schedules rs ON rs.id = sc.recurring_schedule_id
      WHERE (sc.status = 'PENDING' AND sc.run_at <= ${now})
         OR (sc.status = 'RUNNING' AND sc.lease_until <= ${now})
      ORDER BY sc.run_at
      LIMIT ${options.batch}
      FOR UPDATE OF sc SKIP LOCKED`;
    const isStale = (row: DueRow) =>
      row.status === "PENDING" &&
      now.getTime() - new Date(row.runAt).getTime() >
        row.graceMinutes * MINUTE_MS;
    const staleIds = rows.filter(isStale).map((row) => row.id);
    const claimIds = rows.filter((row) => !isStale(row)).map((row) => row.id);

    const missed = await tx.scheduledCampaign.updateManyAndReturn({
      where: { id: { in: staleIds } },
      data: { status: "MISSED", failureReason: MISSED_REASON, finishedAt: now },
      select: scheduledCampaignSelect,
    });
    const claimed = await tx.scheduledCampaign.updateManyAndReturn({
      where: { id: { in: claimIds } },
      data: {
        status: "RUNNING",
        claimedBy: instanceId,
        leaseUntil: new Date(now.getTime() + options.leaseMs),
        startedAt: now,
      },
      select: scheduledCampaignSelect,
    });
    await recordEvents(tx, [...missed, ...claimed].map(runChanged));

    return claimed;
  });
}

/**
 * Records how a run ended, unless another scheduler took it over meanwhile.
 * A recurring run also moves its schedule's lastRunAt, in the same step.
 */
export async function finishRun(
  db: Database,
  run: { id: number; instanceId: string; now: Date },
  outcome: RunOutcome,
) {
  return db.prisma.$transaction(async (tx) => {
    const [finished] = await tx.scheduledCampaign.updateManyAndReturn({
      where: { id: run.id, status: "RUNNING", claimedBy: run.instanceId },
      data: {
        status: outcome.ok ? "DONE" : "FAILED",
        campaignId: outcome.ok ? outcome.campaignId : null,
        failureReason: outcome.ok ? null : outcome.reason,
        finishedAt: run.now,
        leaseUntil: null,
      },
      select: scheduledCampaignSelect,
    });
    if (!finished) {
      return undefined;
    }
    const events = [runChanged(finished)];
    if (finished.recurringScheduleId !== null) {
      const schedules = await tx.recurringSchedule.updateManyAndReturn({
        where: {
          id: finished.recurringScheduleId,
          OR: [{ lastRunAt: null }, { lastRunAt: { lt: finished.runAt } }],
        },
        data: { lastRunAt: finished.runAt },
        select: { id: true, isPaused: true, nextRunAt: true },
      });
      events.push(...schedules.map(recurringChanged));
    }
    await recordEvents(tx, events);

    return finished;
  });
}

/** Keeps a long send from looking abandoned to other schedulers. */
export async function renewLease(
  db: Database,
  run: { id: number; instanceId: string },
  leaseUntil: Date,
) {
  await db.prisma.scheduledCampaign.updateMany({
    where: { id: run.id, status: "RUNNING", claimedBy: run.instanceId },
    data: { leaseUntil },
  });
}

/** The earliest moment anything could become due, or null for none. */
export async function nextDueAt(db: Database) {
  const [recurring, pending, running] = await Promise.all([
    db.prisma.recurringSchedule.aggregate({ _min: { nextRunAt: true } }),
    db.prisma.scheduledCampaign.aggregate({
      where: { status: "PENDING" },
      _min: { runAt: true },
    }),
    db.prisma.scheduledCampaign.aggregate({
      where: { status: "RUNNING" },
      _min: { leaseUntil: true },
    }),
  ]);
  const times = [
    recurring._min.nextRunAt,
    pending._min.runAt,
    running._min.leaseUntil,
  ].filter((at): at is Date => at !== null);

  return times.length > 0
    ? new Date(Math.min(...times.map((at) => at.getTime())))
    : null;
}
