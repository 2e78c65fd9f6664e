import type { SendWindow } from "./shop.ts";

interface LocalTime {
  weekday: number;
  minutes: number;
}

const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function localTime(date: Date, timeZone: string): LocalTime {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const part = (type: string) =>
    parts.find((p) => p.type === type)?.value ?? "";

  return {
    weekday: weekdays.indexOf(part("weekday")) + 1,
    minutes: Number(part("hour")) * 60 + Number(part("minute")),
  };
}

function toMinutes(hhmm: string) {
  const [hours = 0, minutes = 0] = hhmm.split(":").map(Number);

  return hours * 60 + minutes;
}

/** Whether marketing mail may leave now, in the shop's own time zone. */
export function isWithinWindow(
  window: SendWindow | null,
  timeZone: string,
  now: Date,
) {
  if (!window) {
    return true;
  }
  const local = localTime(now, timeZone);

  return (
    window.days.includes(local.weekday) &&
    local.minutes >= toMinutes(window.start) &&
    local.minutes < toMinutes(window.end)
  );
}

/**
 * The next instant the window opens. Walks forward a minute at a time
 * (at most a week), which follows DST changes without date arithmetic.
 */
export function nextOpening(
  window: SendWindow | null,
  timeZone: string,
  now: Date,
): Date | null {
  if (!window || window.days.length === 0) {
    return null;
  }
  const start = Math.ceil(now.getTime() / 60_000) * 60_000;
  for (let minute = 0; minute <= 8 * 24 * 60; minute += 1) {
    const candidate = new Date(start + minute * 60_000);
    if (isWithinWindow(window, timeZone, candidate)) {
      return candidate;
    }
  }

  return null;
}
