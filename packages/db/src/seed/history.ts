import type { DemoServiceType } from "./catalog.ts";
import type { LocalTime } from "./local-time.ts";
import { dayOf, weekdayOf } from "./local-time.ts";
import type { Random } from "./random.ts";

const daysPerMonth = 30.44;

export interface PlannedRecord {
  typeIndex: number;
  performedAt: Date;
  day: number;
  odometer: number;
}

export interface PlannedDecline {
  /** Index into the records of the same vehicle: the visit's main record. */
  recordIndex: number;
  typeIndex: number;
  priceCents: number;
}

export interface VehicleHistory {
  records: PlannedRecord[];
  declined: PlannedDecline[];
  firstDay: number | null;
}

export interface HistoryInput {
  random: Random;
  localTime: LocalTime;
  types: readonly DemoServiceType[];
  /** The vehicle's model year. */
  year: number;
  today: number;
  /** The last day the vehicle may visit (earlier for sold or lapsed ones). */
  lastDay: number;
}

/**
 * Three years of visits at the owner's own rhythm. The odometer grows from
 * the model year at the owner's yearly mileage, so readings only rise.
 */
export function planHistory(input: HistoryInput): VehicleHistory {
  const { random, today } = input;
  const historyStart = today - Math.round(3 * 365.25);
  const boughtDay =
    dayOf(new Date(Date.UTC(input.year, 0, 1))) + random.int(0, 180);
  const milesPerDay = random.int(7_000, 18_000) / 365;
  const rhythmDays = random.int(4, 9) * daysPerMonth;
  const isNewCustomer = random.chance(0.2);
  const earliest = Math.max(historyStart, boughtDay + 60);
  let day = isNewCustomer
    ? random.int(earliest, Math.max(earliest, today - 30))
    : earliest + random.int(0, Math.round(rhythmDays));
  const lastDone = input.types.map(
    (type) =>
      day - random.int(0, Math.round(type.defaultCadenceMonths * daysPerMonth)),
  );
  const history: VehicleHistory = { records: [], declined: [], firstDay: null };
  while (day <= input.lastDay) {
    const visitDay = openDay(day);
    const odometer = Math.round((visitDay - boughtDay) * milesPerDay);
    planVisit(input, history, lastDone, visitDay, Math.max(odometer, 5));
    history.firstDay ??= visitDay;
    day = visitDay + Math.round(rhythmDays * (0.8 + random.next() * 0.5));
  }

  return history;
}

/** The shop is closed on Sundays: such a visit happens on Monday. */
function openDay(day: number) {
  return weekdayOf(day) === 7 ? day + 1 : day;
}

function planVisit(
  input: HistoryInput,
  history: VehicleHistory,
  lastDone: number[],
  day: number,
  odometer: number,
) {
  const { random } = input;
  const isSaturday = weekdayOf(day) === 6;
  const hour = isSaturday ? random.int(9, 12) : random.int(8, 17);
  const performedAt = input.localTime(day, hour, random.pick([0, 15, 30, 45]));
  const firstRecord = history.records.length;
  const declines: Omit<PlannedDecline, "recordIndex">[] = [];
  input.types.forEach((type, typeIndex) => {
    const dueDay = lastDone[typeIndex]! + type.defaultCadenceMonths * 30;
    if (day < dueDay - 30) {
      return;
    }
    if (random.chance(performChance(type))) {
      history.records.push({ typeIndex, performedAt, day, odometer });
      lastDone[typeIndex] = day;
    } else if (type.isDeclinable && random.chance(0.45)) {
      const priceCents = Math.round(
        type.priceCents * (0.8 + random.next() * 0.6),
      );
      declines.push({ typeIndex, priceCents });
    }
  });
  if (history.records.length === firstRecord) {
    history.records.push({ typeIndex: 0, performedAt, day, odometer });
    lastDone[0] = day;
  }
  for (const decline of declines) {
    history.declined.push({ ...decline, recordIndex: firstRecord });
  }
}

function performChance(type: DemoServiceType) {
  if (type.key === "oil-change") {
    return 0.95;
  }

  return type.key === "tire-rotation" ? 0.7 : 0.55;
}
