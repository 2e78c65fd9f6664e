import { z } from "zod";

import { limits } from "./limits.ts";
import { id, instant, pageInput, trimmed } from "./schemas.ts";
import { isValidLocalDate, isValidTimeZone } from "./time-zones.ts";

/** Bounds for schedules, shared with the console's forms. */
export const scheduleLimits = {
  timeZone: 64,
  graceMinutes: { min: 0, max: 24 * 60, default: 60 },
  dayOfMonth: { min: 1, max: 31 },
} as const;

export const scheduledCampaignStatus = z.enum([
  "PENDING",
  "RUNNING",
  "DONE",
  "CANCELLED",
  "FAILED",
  "MISSED",
]);

export const frequency = z.enum(["DAILY", "WEEKLY", "MONTHLY"]);

export const timeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use HH:mm, from 00:00 to 23:59");

export const timeZone = z
  .string()
  .trim()
  .min(1)
  .max(scheduleLimits.timeZone)
  .refine(isValidTimeZone, "not an IANA time zone (e.g. America/New_York)");

export const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD")
  .refine(isValidLocalDate, "not a calendar date");

const weekdays = z
  .array(z.number().int().min(1).max(7))
  .max(7)
  .transform((days) => [...new Set(days)].sort((a, b) => a - b));

export const scheduleCreateInput = z.strictObject({
  ruleId: id,
  templateId: id.nullish(),
  runAt: instant,
});

export const scheduleListInput = pageInput.extend({
  status: scheduledCampaignStatus.optional(),
  ruleId: id.optional(),
});

/** Every field a recurring schedule has, none defaulted (for updates). */
const recurringFields = z.strictObject({
  name: trimmed(limits.name),
  templateId: id.nullish(),
  frequency,
  timeOfDay,
  daysOfWeek: weekdays,
  dayOfMonth: z
    .number()
    .int()
    .min(scheduleLimits.dayOfMonth.min)
    .max(scheduleLimits.dayOfMonth.max)
    .nullish(),
  isLastDayOfMonth: z.boolean(),
  timeZone,
  startDate: localDate.nullish(),
  endDate: localDate.nullish(),
  graceMinutes: z
    .number()
    .int()
    .min(scheduleLimits.graceMinutes.min)
    .max(scheduleLimits.graceMinutes.max),
});

export const recurringCreateInput = recurringFields.extend({
  ruleId: id,
  daysOfWeek: weekdays.default([]),
  isLastDayOfMonth: z.boolean().default(false),
  /** Omitted: the shop's time zone, or UTC before one is set. */
  timeZone: timeZone.optional(),
  graceMinutes: recurringFields.shape.graceMinutes.default(
    scheduleLimits.graceMinutes.default,
  ),
});

export const recurringUpdateInput = recurringFields.partial().extend({ id });

export const recurringListInput = pageInput.extend({
  ruleId: id.optional(),
});

export const recurringRunsInput = pageInput.extend({
  id,
  status: scheduledCampaignStatus.optional(),
});
