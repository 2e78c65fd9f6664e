import { DateTime } from "luxon";

export type Frequency = "DAILY" | "WEEKLY" | "MONTHLY";

/** When a recurring schedule runs, in the shop's wall-clock terms. */
export interface Recurrence {
  frequency: Frequency;
  /** Local wall-clock time, "HH:mm". */
  timeOfDay: string;
  /** ISO weekdays (1 = Monday), for WEEKLY. */
  daysOfWeek: number[];
  /** 1 to 31 for MONTHLY; ignored when isLastDayOfMonth. */
  dayOfMonth: number | null;
  isLastDayOfMonth: boolean;
  timeZone: string;
  /** Local calendar dates, "YYYY-MM-DD", both inclusive. */
  startDate: string | null;
  endDate: string | null;
}

/**
 * Every valid recurrence has an occurrence within 31 days of any date, so
 * a scan this long only ends empty-handed for a recurrence that is broken.
 */
const MAX_DAYS_SCANNED = 400;

/** The longest DST gap in the tz database is two hours; this is ample. */
const MAX_GAP_MINUTES = 24 * 60;

/**
 * The first occurrence strictly after `after`, or null when the schedule
 * has ended. Days are walked on the calendar and each occurrence is built
 * from the wall clock in its zone, so 09:00 stays 09:00 across DST changes.
 */
export function nextOccurrence(recurrence: Recurrence, after: Date) {
  const [hour = 0, minute = 0] = recurrence.timeOfDay.split(":").map(Number);
  const end = recurrence.endDate ? calendarDate(recurrence.endDate) : null;
  // A day early: an ambiguous time resolves to an instant before its wall time.
  let day = DateTime.fromJSDate(after, { zone: recurrence.timeZone })
    .setZone("utc", { keepLocalTime: true })
    .startOf("day")
    .minus({ days: 1 });
  if (recurrence.startDate) {
    const start = calendarDate(recurrence.startDate);
    day = start > day ? start : day;
  }

  for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned += 1) {
    if (end && day > end) {
      return null;
    }
    if (isOccurrenceDay(recurrence, day)) {
      const at = wallClockInstant(day, hour, minute, recurrence.timeZone);
      if (at.toMillis() > after.getTime()) {
        return at.toJSDate();
      }
    }
    day = day.plus({ days: 1 });
  }

  return null;
}

/** Occurrences in (after, until], oldest first, at most `limit` of the newest. */
export function occurrencesBetween(
  recurrence: Recurrence,
  after: Date,
  until: Date,
  limit: number,
) {
  const found: Date[] = [];
  let current = nextOccurrence(recurrence, after);
  while (current && current.getTime() <= until.getTime()) {
    found.push(current);
    if (found.length > limit) {
      found.shift();
    }
    current = nextOccurrence(recurrence, current);
  }

  return found;
}

function calendarDate(value: string) {
  return DateTime.fromISO(value, { zone: "utc" }).startOf("day");
}

function isOccurrenceDay(recurrence: Recurrence, day: DateTime) {
  switch (recurrence.frequency) {
    case "DAILY":
      return true;
    case "WEEKLY":
      return recurrence.daysOfWeek.includes(day.weekday);
    case "MONTHLY": {
      const lastDay = day.daysInMonth ?? 31;
      const wanted = recurrence.isLastDayOfMonth
        ? lastDay
        : Math.min(recurrence.dayOfMonth ?? 1, lastDay);

      return day.day === wanted;
    }
  }
}

/**
 * The instant a wall-clock time names on a calendar day. A time skipped by
 * a spring-forward change becomes the first minute that exists after it; a
 * time repeated by a fall-back change is its first occurrence.
 */
function wallClockInstant(
  day: DateTime,
  hour: number,
  minute: number,
  zone: string,
) {
  const wall = { year: day.year, month: day.month, day: day.day, hour, minute };
  const candidate = DateTime.fromObject(wall, { zone });
  const wanted = DateTime.fromObject(wall, { zone: "utc" }).toMillis();
  if (wallMillis(candidate) !== wanted) {
    return firstMinuteAfterGap(candidate, wanted);
  }
  const [earliest = candidate] = candidate
    .getPossibleOffsets()
    .sort((a, b) => a.toMillis() - b.toMillis());

  return earliest;
}

/** Walks back from Luxon's shifted time to the end of the skipped hour. */
function firstMinuteAfterGap(shifted: DateTime, wanted: number) {
  let at = shifted;
  for (let step = 0; step < MAX_GAP_MINUTES; step += 1) {
    const previous = at.minus({ minutes: 1 });
    if (wallMillis(previous) < wanted) {
      break;
    }
    at = previous;
  }

  return at;
}

function wallMillis(at: DateTime) {
  return at.setZone("utc", { keepLocalTime: true }).toMillis();
}
