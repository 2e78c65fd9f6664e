import { DateTime, IANAZone } from "luxon";

/**
 * Calendar checks shared by the server's schemas and the console's forms;
 * they need only Luxon, so the browser runs them too.
 */
export function isValidTimeZone(zone: string) {
  return IANAZone.isValidZone(zone);
}

export function isValidLocalDate(value: string) {
  return DateTime.fromISO(value, { zone: "utc" }).isValid;
}
