import { DateTime } from "luxon";

const dayMs = 86_400_000;

/**
 * Turns "day N (UTC-midnight based), at hh:mm local" into an instant. The
 * zone's offset is looked up once per day: the demo spans about a thousand
 * days, and a million vehicles must not mean millions of zone lookups.
 */
export function createLocalTime(timeZone: string) {
  const offsets = new Map<number, number>();

  return (day: number, hour: number, minute: number) => {
    let offset = offsets.get(day);
    if (offset === undefined) {
      offset =
        DateTime.fromMillis(day * dayMs + 12 * 3_600_000, { zone: timeZone })
          .offset * 60_000;
      offsets.set(day, offset);
    }

    return new Date(day * dayMs + (hour * 60 + minute) * 60_000 - offset);
  };
}

export type LocalTime = ReturnType<typeof createLocalTime>;

/** Day number (days since 1970-01-01) of an instant. */
export function dayOf(date: Date) {
  return Math.floor(date.getTime() / dayMs);
}

/** ISO weekday (1 = Monday) of a day number. */
export function weekdayOf(day: number) {
  return ((day + 3) % 7) + 1;
}

export { dayMs };
