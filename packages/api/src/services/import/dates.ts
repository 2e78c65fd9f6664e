/**
 * Dates as shop systems write them:
 * - ISO: 2026-03-14, 2026-03-14T09:30, 2026-03-14 09:30:00, with Z or an offset
 * - YYYY/MM/DD
 * - DD.MM.YYYY (the European dotted form is always day first)
 * - MM/DD/YYYY, or DD/MM/YYYY when the import says the file is day-first.
 *
 * Slashed dates are ambiguous (03/04/2026). Rally never guesses per row: the
 * import's `dateOrder` (month-first unless told otherwise) decides for the
 * whole file, and a value that is impossible in that order (13/04/2026 in a
 * month-first file) is rejected with a hint rather than silently read the
 * other way. Any date may be followed by a time (HH:mm, HH:mm:ss, with
 * AM/PM). Without an offset, a time is the shop's local time; a date alone
 * means noon there, so it falls on the same day in every view.
 */
export type DateOrder = "MDY" | "DMY";

const timePart = String.raw`(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp][Mm])?\s*(Z|[+-]\d{2}:?\d{2})?)?`;
const isoDate = new RegExp(
  String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})${timePart}$`,
);
const dottedDate = new RegExp(
  String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${timePart}$`,
);
const slashedDate = new RegExp(
  String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${timePart}$`,
);

export class DateFormatError extends Error {}

export interface DateParser {
  (value: string): Date;
}

export function createDateParser(
  order: DateOrder,
  timeZone: string,
): DateParser {
  const toInstant = zonedInstant(timeZone);

  return (value) => {
    const trimmed = value.trim();
    let match = isoDate.exec(trimmed);
    let parts: [string, string, string] | undefined;
    if (match) {
      parts = [match[1]!, match[2]!, match[3]!];
    } else if ((match = dottedDate.exec(trimmed))) {
      parts = [match[3]!, match[2]!, match[1]!];
    } else if ((match = slashedDate.exec(trimmed))) {
      parts =
        order === "MDY"
          ? [match[3]!, match[1]!, match[2]!]
          : [match[3]!, match[2]!, match[1]!];
    }
    if (!match || !parts) {
      throw new DateFormatError(
        `"${trimmed}" is not a date in a known format (YYYY-MM-DD, MM/DD/YYYY, DD.MM.YYYY, YYYY/MM/DD)`,
      );
    }

    return build(trimmed, order, parts, match.slice(4), toInstant);
  };
}

function build(
  text: string,
  order: DateOrder,
  [year, month, day]: [string, string, string],
  [hourText, minuteText, secondText, meridiem, offset]: (string | undefined)[],
  toInstant: ReturnType<typeof zonedInstant>,
) {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  let hour = hourText === undefined ? 12 : Number(hourText);
  if (meridiem) {
    hour = (hour % 12) + (meridiem.toLowerCase() === "pm" ? 12 : 0);
  }
  const minute = Number(minuteText ?? 0);
  const second = Number(secondText ?? 0);
  const probe = new Date(Date.UTC(y, m - 1, d));
  const isReal =
    probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d && hour < 24;
  if (!isReal || minute > 59 || second > 59) {
    const hint =
      text.includes("/") && !/^\d{4}/.test(text)
        ? ` (read as ${order === "MDY" ? "MM/DD/YYYY; is the file day-first? import it with dateOrder DMY" : "DD/MM/YYYY"})`
        : "";
    throw new DateFormatError(`"${text}" is not a real date${hint}`);
  }
  const wall = Date.UTC(y, m - 1, d, hour, minute, second);
  if (offset) {
    return new Date(wall - offsetMinutes(offset) * 60_000);
  }

  return toInstant(wall);
}

function offsetMinutes(offset: string) {
  if (offset === "Z") {
    return 0;
  }
  const sign = offset.startsWith("-") ? -1 : 1;
  const digits = offset.slice(1).replace(":", "");

  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

/** Wall-clock time in `timeZone` (as a UTC-based number) to an instant. */
function zonedInstant(timeZone: string) {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  const wallOf = (instant: number) => {
    const parts = format.formatToParts(instant);
    const get = (type: string) =>
      Number(parts.find((part) => part.type === type)?.value);

    return Date.UTC(
      get("year"),
      get("month") - 1,
      get("day"),
      get("hour"),
      get("minute"),
      get("second"),
    );
  };

  // Files repeat the same hours over and over; the offset is looked up once
  // per wall-clock hour (bounded, so a long file cannot grow it forever).
  const offsets = new Map<number, number>();

  return (wall: number) => {
    const hour = Math.floor(wall / 3_600_000);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      // Two rounds settle the offset on either side of a DST change.
      const guess = wall - (wallOf(wall) - wall);
      offset = wallOf(guess) - guess;
      if (offsets.size > 100_000) {
        offsets.clear();
      }
      offsets.set(hour, offset);
    }

    return new Date(wall - offset);
  };
}
