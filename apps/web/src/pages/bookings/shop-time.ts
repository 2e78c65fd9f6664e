import { DateTime } from "luxon";

/**
 * Appointments are shown and entered on the shop's wall clock, whatever
 * the time zone of the browser looking at them.
 */
const inputFormat = "yyyy-MM-dd'T'HH:mm";

/** "Tuesday, December 8" for a yyyy-mm-dd day in the shop's zone. */
export function dayHeading(day: string, timeZone: string) {
  return DateTime.fromISO(day, { zone: timeZone }).toFormat("cccc, LLLL d");
}

/** "9:30 AM" on the shop's clock. */
export function shopTime(at: Date, timeZone: string) {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat("h:mm a");
}

/** "Tue, Dec 8, 9:30 AM" on the shop's clock. */
export function shopDateTime(at: Date, timeZone: string) {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat(
    "ccc, LLL d, h:mm a",
  );
}

/** A datetime-local input's value for an instant, on the shop's clock. */
export function toShopInput(at: Date, timeZone: string) {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat(inputFormat);
}

/**
 * The instant a datetime-local value names on the shop's clock. A time the
 * spring change skips moves forward an hour, as Luxon resolves it.
 */
export function fromShopInput(value: string, timeZone: string) {
  const parsed = DateTime.fromFormat(value, inputFormat, { zone: timeZone });

  return parsed.isValid ? parsed.toJSDate() : undefined;
}
