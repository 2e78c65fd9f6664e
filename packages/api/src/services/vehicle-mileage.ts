import type { Prisma } from "@rally/db";

import type { Clock } from "../clock.ts";
import { daysBetween, localDateOf } from "./cohort/calendar.ts";
import { rateOf } from "./cohort/evaluate.ts";
import { estimateMileage } from "./cohort/mileage.ts";
import { loadShopCalendar } from "./cohort/shop.ts";

/** A vehicle's estimated odometer today, and what the estimate rests on. */
export interface MileageEstimate {
  miles: number;
  /** Odometer readings in its service history up to today. */
  readings: number;
  /** True when the shop default rate was used (see mileage.ts). */
  isDefaultRate: boolean;
  milesPerDay: number;
  lastReading: { date: string; odometer: number };
}

/**
 * The same estimate the cohort uses, for the vehicles on one page: their
 * readings up to now, in the shop's time zone. Vehicles without a reading
 * have no estimate.
 */
export async function estimateMileages(
  prisma: Prisma.TransactionClient,
  clock: Clock,
  vehicleIds: number[],
): Promise<Map<number, MileageEstimate>> {
  const now = clock.now();
  const [{ timeZone }, readings] = await Promise.all([
    loadShopCalendar(prisma),
    prisma.serviceRecord.findMany({
      where: {
        vehicleId: { in: vehicleIds },
        odometer: { not: null },
        performedAt: { lte: now },
      },
      select: { vehicleId: true, performedAt: true, odometer: true },
    }),
  ]);
  const byVehicle = new Map<number, typeof readings>();
  for (const reading of readings) {
    const own = byVehicle.get(reading.vehicleId);
    if (own) {
      own.push(reading);
    } else {
      byVehicle.set(reading.vehicleId, [reading]);
    }
  }
  const today = localDateOf(now, timeZone);
  const estimates = new Map<number, MileageEstimate>();
  for (const [vehicleId, own] of byVehicle) {
    const rate = rateOf(own, timeZone);
    if (rate) {
      estimates.set(vehicleId, {
        miles: estimateMileage(rate, daysBetween(rate.lastDate, today)),
        readings: own.length,
        isDefaultRate: rate.isDefaultRate,
        milesPerDay: Math.round((rate.miles / rate.days) * 10) / 10,
        lastReading: { date: rate.lastDate, odometer: rate.lastOdometer },
      });
    }
  }

  return estimates;
}
