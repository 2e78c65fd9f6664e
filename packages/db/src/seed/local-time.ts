const dayMs = 86_400_000;

/** Calendar parts of an instant in a time zone, cached per zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    formatters.set(timeZone, formatter);
  }

  return formatter;
}

function offsetMs(instant: number, timeZone: string) {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const value = (type: string) =>
    Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(
    value("year"),
    value("month") - 1,
    value("day"),
    value("hour"),
    value("minute"),
  );

  return wall - Math.floor(instant / 60_000) * 60_000;
}

/**
 * Turns "day N (UTC-midnight based), at hh:mm local" into an instant. The
 * zone's offset is looked up once per day: the demo spans about a thousand
 * days, and a million vehicles must not mean millions of Intl calls.
 */
export function createLocalTime(timeZone: string) {
  const offsets = new Map<number, number>();

  return (day: number, hour: number, minute: number) => {
    let offset = offsets.get(day);
    if (offset === undefined) {
      offset = offsetMs(day * dayMs + 12 * 3_600_000, timeZone);
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
