import { DateTime } from "luxon";

/**
 * Calendar arithmetic on local dates ("YYYY-MM-DD"). Eligibility compares
 * dates in the shop's time zone, never instants, so a service performed at
 * any time on 3 June is due from the start of 3 December local time.
 */
export type LocalDate = string;

export function localDateOf(instant: Date, timeZone: string): LocalDate {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate()!;
}

/** Month arithmetic clamps to the month's end: 31 Aug + 6 months = 28/29 Feb. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  return DateTime.fromISO(date, { zone: "utc" }).plus({ months }).toISODate()!;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return DateTime.fromISO(date, { zone: "utc" }).plus({ days }).toISODate()!;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round(
    (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) /
      86_400_000,
  );
}

/** The instant a local date begins in the shop's time zone. */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  return DateTime.fromISO(date, { zone: timeZone }).startOf("day").toJSDate();
}
