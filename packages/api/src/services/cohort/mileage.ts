/**
 * A vehicle's current mileage is estimated from its odometer readings: its
 * own average miles per day between its first and last reading, or this
 * default (about 12,000 miles a year) when it has one reading, all its
 * readings fall on one day, or they go backwards.
 */
export const defaultMilesPerDay = 33;

/** A rate kept as a fraction of integers so SQL and TypeScript agree exactly. */
export interface MileageRate {
  /** True when the default rate stands in for the vehicle's own. */
  isDefaultRate: boolean;
  lastDate: string;
  lastOdometer: number;
  miles: number;
  days: number;
}

export interface Reading {
  date: string;
  odometer: number;
}

/** `readings` sorted by time; ties broken towards the lower reading first. */
export function mileageRate(
  readings: Reading[],
  daysBetween: (from: string, to: string) => number,
): MileageRate | null {
  const first = readings[0];
  const last = readings.at(-1);
  if (!first || !last) {
    return null;
  }
  const days = daysBetween(first.date, last.date);
  const isOwnRate = days > 0 && last.odometer >= first.odometer;

  return {
    isDefaultRate: !isOwnRate,
    lastDate: last.date,
    lastOdometer: last.odometer,
    miles: isOwnRate ? last.odometer - first.odometer : defaultMilesPerDay,
    days: isOwnRate ? days : 1,
  };
}

export function estimateMileage(rate: MileageRate, daysSinceLast: number) {
  return (
    rate.lastOdometer + Math.round((rate.miles * daysSinceLast) / rate.days)
  );
}
