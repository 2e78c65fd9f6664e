import { DateTime } from "luxon";

/** Wall-clock arithmetic in the shop's time zone, through Luxon. */

/** The zone's offset from UTC at an instant, in minutes. */
export function offsetMinutes(at: Date, timeZone: string) {
  return DateTime.fromJSDate(at, { zone: timeZone }).offset;
}

/**
 * The instant a local "YYYY-MM-DD" and "HH:mm" name in `timeZone`. A time
 * skipped by a spring DST change moves forward by the gap, as clocks do.
 */
export function zonedTimeToUtc(date: string, time: string, timeZone: string) {
  return DateTime.fromISO(`${date}T${time}`, { zone: timeZone }).toJSDate();
}

/** The local calendar date ("YYYY-MM-DD") of an instant. */
export function localDate(at: Date, timeZone: string) {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISODate() ?? "";
}

/** ISO weekday (1 = Monday) of a local date. */
export function isoWeekday(date: string) {
  return DateTime.fromISO(date, { zone: "utc" }).weekday;
}

export function addDays(date: string, days: number) {
  return (
    DateTime.fromISO(date, { zone: "utc" }).plus({ days }).toISODate() ?? ""
  );
}

export function minutesOf(time: string) {
  const [hour = 0, minute = 0] = time.split(":").map(Number);

  return hour * 60 + minute;
}

export function timeOf(minutes: number) {
  const hour = String(Math.floor(minutes / 60)).padStart(2, "0");

  return `${hour}:${String(minutes % 60).padStart(2, "0")}`;
}
