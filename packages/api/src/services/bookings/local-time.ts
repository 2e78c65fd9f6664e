/** Wall-clock arithmetic in the shop's time zone, with Intl only. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }

  return formatter;
}

function wallClock(at: Date, timeZone: string) {
  const parts = formatterFor(timeZone).formatToParts(at);
  const get = (type: string) =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);

  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
  };
}

export function offsetMinutes(at: Date, timeZone: string) {
  const wall = wallClock(at, timeZone);
  const asUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
  );
  const minute = Math.floor(at.getTime() / 60_000) * 60_000;

  return Math.round((asUtc - minute) / 60_000);
}

/** The instant a local "YYYY-MM-DD" and "HH:mm" name in `timeZone`. */
export function zonedTimeToUtc(date: string, time: string, timeZone: string) {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  const [hour = 0, minute = 0] = time.split(":").map(Number);
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - offsetMinutes(new Date(guess), timeZone) * 60_000;
  const second = guess - offsetMinutes(new Date(first), timeZone) * 60_000;

  return new Date(second);
}

/** The local calendar date ("YYYY-MM-DD") of an instant. */
export function localDate(at: Date, timeZone: string) {
  const wall = wallClock(at, timeZone);

  return [
    String(wall.year).padStart(4, "0"),
    String(wall.month).padStart(2, "0"),
    String(wall.day).padStart(2, "0"),
  ].join("-");
}

/** ISO weekday (1 = Monday) of a local date. */
export function isoWeekday(date: string) {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();

  return day === 0 ? 7 : day;
}

export function addDays(date: string, days: number) {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);

  return next.toISOString().slice(0, 10);
}

export function minutesOf(time: string) {
  const [hour = 0, minute = 0] = time.split(":").map(Number);

  return hour * 60 + minute;
}

export function timeOf(minutes: number) {
  const hour = String(Math.floor(minutes / 60)).padStart(2, "0");

  return `${hour}:${String(minutes % 60).padStart(2, "0")}`;
}
