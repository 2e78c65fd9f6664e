import { z } from "zod";

import { limits } from "./limits.ts";
import { timeOfDay, timeZone } from "./schedule-schemas.ts";
import { emailAddress, trimmed } from "./schemas.ts";

/** Bounds for the shop's settings, shared with the console's form. */
export const settingsLimits = {
  postalAddress: 300,
  url: 500,
  bayCapacity: { min: 1, max: 50 },
  frequencyCapDays: { min: 0, max: 365 },
  /** Two opening spans a day (a lunch break) for every weekday. */
  openingSpans: 14,
} as const;

const weekday = z.number().int().min(1).max(7);

/** "HH:mm" strings of one day compare correctly as text. */
const isBefore = (start: string, end: string) => start < end;

const openingSpan = z
  .object({ day: weekday, open: timeOfDay, close: timeOfDay })
  .refine((span) => isBefore(span.open, span.close), {
    message: "closes before it opens",
    path: ["close"],
  });

const openingHours = z
  .array(openingSpan)
  .max(settingsLimits.openingSpans)
  .superRefine((spans, context) => {
    spans.forEach((span, index) => {
      const overlaps = spans.some(
        (other, at) =>
          at < index &&
          other.day === span.day &&
          isBefore(other.open, span.close) &&
          isBefore(span.open, other.close),
      );
      if (overlaps) {
        context.addIssue({
          code: "custom",
          message: "overlaps another span on the same day",
          path: [index, "open"],
        });
      }
    });
  });

const sendWindow = z
  .object({
    days: z
      .array(weekday)
      .min(1, "pick at least one day")
      .max(7)
      .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
    start: timeOfDay,
    end: timeOfDay,
  })
  .refine((window) => isBefore(window.start, window.end), {
    message: "ends before it starts",
    path: ["end"],
  });

const bookingBaseUrl = z
  .url({ protocol: /^https?$/, error: "use an http:// or https:// address" })
  .max(settingsLimits.url);

/** Every setting, as saved: what the console's form submits. */
export const shopSettingsInput = z.strictObject({
  name: trimmed(limits.name),
  timeZone,
  openingHours,
  bayCapacity: z
    .number()
    .int()
    .min(settingsLimits.bayCapacity.min)
    .max(settingsLimits.bayCapacity.max),
  senderName: trimmed(limits.name),
  senderEmail: emailAddress,
  postalAddress: trimmed(settingsLimits.postalAddress),
  phone: trimmed(limits.phone).nullable(),
  bookingBaseUrl: bookingBaseUrl.nullable(),
  frequencyCapDays: z
    .number()
    .int()
    .min(settingsLimits.frequencyCapDays.min)
    .max(settingsLimits.frequencyCapDays.max),
  /** Null: campaign mail may go at any hour. */
  sendWindow: sendWindow.nullable(),
});

/** Only the settings to change; the rest keep their values. */
export const settingsUpdateInput = shopSettingsInput.partial();

export type ShopSettingsValues = z.output<typeof shopSettingsInput>;
