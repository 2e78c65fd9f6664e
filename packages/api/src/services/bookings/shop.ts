import type { Database } from "@rally/db";
import { z } from "zod";

const openingHoursSchema = z
  .array(
    z.object({
      day: z.number().int().min(1).max(7),
      open: z.string().regex(/^\d{2}:\d{2}$/),
      close: z.string().regex(/^\d{2}:\d{2}$/),
    }),
  )
  .max(50);

export type OpeningHours = z.output<typeof openingHoursSchema>;

/**
 * What booking and replies use when the shop has not saved its settings
 * yet: weekdays 08:00 to 17:00 in UTC, two bays, hour-long slots.
 */
export const shopDefaults = {
  name: "Rally",
  timeZone: "UTC",
  senderEmail: "service@rally.invalid",
  bayCapacity: 2,
  openingHours: [1, 2, 3, 4, 5].map((day) => ({
    day,
    open: "08:00",
    close: "17:00",
  })) satisfies OpeningHours,
  slotMinutes: 60,
  bookingHorizonDays: 14,
} as const;

export interface BookingSettings {
  name: string;
  timeZone: string;
  senderEmail: string;
  bayCapacity: number;
  openingHours: OpeningHours;
  slotMinutes: number;
  bookingHorizonDays: number;
}

/** The shop's settings for booking and replies, defaults filling gaps. */
export async function loadShopSettings(db: Database): Promise<BookingSettings> {
  const row = await db.prisma.shopSettings.findUnique({
    where: { id: 1 },
    select: {
      name: true,
      timeZone: true,
      senderEmail: true,
      bayCapacity: true,
      openingHours: true,
    },
  });
  if (!row) {
    return { ...shopDefaults, openingHours: [...shopDefaults.openingHours] };
  }
  const hours = openingHoursSchema.safeParse(row.openingHours);

  return {
    ...shopDefaults,
    name: row.name,
    timeZone: row.timeZone,
    senderEmail: row.senderEmail,
    bayCapacity: Math.max(1, row.bayCapacity),
    // Unreadable hours offer no slots rather than invented ones.
    openingHours: hours.success ? hours.data : [],
  };
}
