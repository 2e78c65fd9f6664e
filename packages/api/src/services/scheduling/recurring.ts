import type { Database, Prisma } from "@rally/db";
import type { z } from "zod";

import type { Clock } from "../../clock.ts";
import { notFound } from "../../errors.ts";
import { recordEvents } from "../../events/record.ts";
import type {
  recurringCreateInput,
  recurringUpdateInput,
} from "../../schedule-schemas.ts";
import { nextOccurrence, type Recurrence } from "./occurrences.ts";
import {
  assertRunnable,
  recurringChanged,
  recurringScheduleSelect,
  runChanged,
  scheduledCampaignSelect,
  shopTimeZone,
  signalSchedulesChanged,
} from "./shared.ts";
import { assertValidRecurrence } from "./validation.ts";

interface Deps {
  db: Database;
  clock: Clock;
}

type Tx = Prisma.TransactionClient;

/** The fields that decide when a schedule runs. */
const timingFields = [
  "frequency",
  "timeOfDay",
  "daysOfWeek",
  "dayOfMonth",
  "isLastDayOfMonth",
  "timeZone",
  "startDate",
  "endDate",
] as const satisfies (keyof Recurrence)[];

export function toRecurrence(row: Recurrence): Recurrence {
  return {
    frequency: row.frequency,
    timeOfDay: row.timeOfDay,
    daysOfWeek: row.daysOfWeek,
    dayOfMonth: row.dayOfMonth,
    isLastDayOfMonth: row.isLastDayOfMonth,
    timeZone: row.timeZone,
    startDate: row.startDate,
    endDate: row.endDate,
  };
}

export async function createRecurringSchedule(
  { db, clock }: Deps,
  input: z.output<typeof recurringCreateInput>,
) {
  return db.prisma.$transaction(async (tx) => {
    await assertRunnable(tx, input.ruleId, input.templateId);
    const recurrence = toRecurrence({
      ...input,
      dayOfMonth: input.dayOfMonth ?? null,
      timeZone: input.timeZone ?? (await shopTimeZone(tx)),
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
    });
    assertValidRecurrence(recurrence);
    const schedule = await tx.recurringSchedule.create({
      data: {
        ...recurrence,
        name: input.name,
        ruleId: input.ruleId,
        templateId: input.templateId ?? null,
        graceMinutes: input.graceMinutes,
        nextRunAt: nextOccurrence(recurrence, clock.now()),
      },
      select: recurringScheduleSelect,
    });

    return announce(tx, schedule);
  });
}

/**
 * A change to when the schedule runs recomputes nextRunAt from now; any
 * other change keeps it, so an occurrence that is due but not yet picked
 * up is not skipped by renaming the schedule.
 */
export async function updateRecurringSchedule(
  { db, clock }: Deps,
  { id, ...input }: z.output<typeof recurringUpdateInput>,
) {
  const changes = Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined),
  ) as typeof input;

  return db.prisma.$transaction(async (tx) => {
    const current = await lockSchedule(tx, id);
    if (changes.templateId != null) {
      await assertRunnable(tx, current.ruleId, changes.templateId);
    }
    const recurrence = toRecurrence({ ...current, ...changes });
    assertValidRecurrence(recurrence);
    const isTimingChanged = timingFields.some((field) => field in changes);
    const nextRunAt = current.isPaused
      ? null
      : isTimingChanged
        ? nextOccurrence(recurrence, clock.now())
        : current.nextRunAt;
    const schedule = await tx.recurringSchedule.update({
      where: { id },
      data: { ...changes, nextRunAt },
      select: recurringScheduleSelect,
    });

    return announce(tx, schedule);
  });
}

export async function pauseRecurringSchedule(db: Database, id: number) {
  return db.prisma.$transaction(async (tx) => {
    await lockSchedule(tx, id);
    const schedule = await tx.recurringSchedule.update({
      where: { id },
      data: { isPaused: true, nextRunAt: null },
      select: recurringScheduleSelect,
    });

    return announce(tx, schedule);
  });
}

/** Resumes from now: occurrences that fell in the pause are not caught up. */
export async function resumeRecurringSchedule({ db, clock }: Deps, id: number) {
  return db.prisma.$transaction(async (tx) => {
    const current = await lockSchedule(tx, id);
    const schedule = await tx.recurringSchedule.update({
      where: { id },
      data: {
        isPaused: false,
        nextRunAt: nextOccurrence(toRecurrence(current), clock.now()),
      },
      select: recurringScheduleSelect,
    });

    return announce(tx, schedule);
  });
}

/** Deletes the schedule and cancels its runs that have not started. */
export async function deleteRecurringSchedule(db: Database, id: number) {
  return db.prisma.$transaction(async (tx) => {
    await lockSchedule(tx, id);
    const cancelled = await tx.scheduledCampaign.updateManyAndReturn({
      where: { recurringScheduleId: id, status: "PENDING" },
      data: { status: "CANCELLED" },
      select: scheduledCampaignSelect,
    });
    await tx.recurringSchedule.delete({ where: { id } });
    await recordEvents(tx, [
      ...cancelled.map(runChanged),
      {
        type: "schedule.changed",
        payload: { scheduleId: id, kind: "recurring", status: "DELETED" },
      },
    ]);
    await signalSchedulesChanged(tx);

    return { id, cancelledRuns: cancelled.length };
  });
}

/** Locks the row so a scheduler claiming it waits for this change. */
async function lockSchedule(tx: Tx, id: number) {
  await tx.$queryRaw`SELECT id FROM recurring_schedules WHERE id = ${id} FOR UPDATE`;
  const schedule = await tx.recurringSchedule.findUnique({
    where: { id },
    select: recurringScheduleSelect,
  });
  if (!schedule) {
    throw notFound("recurring schedule", id, "id");
  }

  return schedule;
}

async function announce<
  T extends { id: number; isPaused: boolean; nextRunAt: Date | null },
>(tx: Tx, schedule: T) {
  await recordEvents(tx, [recurringChanged(schedule)]);
  await signalSchedulesChanged(tx);

  return schedule;
}
