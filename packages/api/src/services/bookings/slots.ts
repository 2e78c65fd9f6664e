import type { Database } from "@rally/db";

import type { Services } from "../../context.ts";

import {
  addDays,
  isoWeekday,
  localDate,
  minutesOf,
  timeOf,
  zonedTimeToUtc,
} from "./local-time.ts";
import { loadShopSettings, type BookingSettings } from "./shop.ts";

/** Every slot start the shop offers from `from` over the horizon. */
export function slotStarts(shop: BookingSettings, from: Date) {
  const firstDay = localDate(from, shop.timeZone);
  const starts: Date[] = [];
  for (let offset = 0; offset < shop.bookingHorizonDays; offset += 1) {
    const day = addDays(firstDay, offset);
    const weekday = isoWeekday(day);
    for (const hours of shop.openingHours.filter((h) => h.day === weekday)) {
      const close = minutesOf(hours.close);
      for (
        let minute = minutesOf(hours.open);
        minute + shop.slotMinutes <= close;
        minute += shop.slotMinutes
      ) {
        const start = zonedTimeToUtc(day, timeOf(minute), shop.timeZone);
        if (start.getTime() > from.getTime()) {
          starts.push(start);
        }
      }
    }
  }

  return starts.sort((a, b) => a.getTime() - b.getTime());
}

/** Slots with a free bay, counting scheduled appointments in each. */
export async function freeSlots(
  db: Database,
  shop: BookingSettings,
  from: Date,
) {
  const starts = slotStarts(shop, from);
  const first = starts[0];
  const last = starts.at(-1);
  if (!first || !last) {
    return [];
  }
  const slotMs = shop.slotMinutes * 60_000;
  const booked = await db.prisma.appointment.findMany({
    where: {
      status: "SCHEDULED",
      scheduledFor: { gte: first, lt: new Date(last.getTime() + slotMs) },
    },
    select: { scheduledFor: true },
  });

  return starts.filter((start) => {
    const end = start.getTime() + slotMs;
    const taken = booked.filter(
      (a) =>
        a.scheduledFor.getTime() >= start.getTime() &&
        a.scheduledFor.getTime() < end,
    ).length;

    return taken < shop.bayCapacity;
  });
}

/**
 * The free slots staff can book from `from` (never before now) over the
 * shop's horizon, with the zone they are shown in.
 */
export async function openSlots(services: Services, input: { from?: Date }) {
  const shop = await loadShopSettings(services.db);
  const now = services.clock.now();
  const from =
    input.from && input.from.getTime() > now.getTime() ? input.from : now;

  return {
    timeZone: shop.timeZone,
    slots: await freeSlots(services.db, shop, from),
  };
}
