import { DateTime } from "luxon";

export interface DayCounts {
  day: string;
  sent: number;
  delivered: number;
  bounced: number;
  replied: number;
  booked: number;
}

/** A day with nothing, sized for the front page's 30-day chart. */
const emptyDay = { sent: 0, delivered: 0, bounced: 0, replied: 0, booked: 0 };

/** More days than this (a long custom period) are shown as they come. */
const maxFilledDays = 400;

/**
 * Every local day from `from` to `to` in `timeZone`, with the counts of
 * the days that had any and zeros for the rest, so a chart's days are
 * evenly spaced.
 */
export function everyDay(
  series: DayCounts[],
  range: { from: Date; to: Date; timeZone: string },
): DayCounts[] {
  const first = DateTime.fromJSDate(range.from, { zone: range.timeZone });
  const last = DateTime.fromJSDate(range.to, { zone: range.timeZone });
  const span = last.startOf("day").diff(first.startOf("day"), "days").days;
  if (!(span >= 0) || span > maxFilledDays) {
    return series;
  }
  const known = new Map(series.map((row) => [row.day, row]));
  const days: DayCounts[] = [];
  for (
    let day = first.startOf("day");
    day <= last;
    day = day.plus({ days: 1 })
  ) {
    const key = day.toISODate() ?? "";
    days.push(known.get(key) ?? { day: key, ...emptyDay });
  }

  return days;
}
