import type { Prisma } from "@rally/db";

/**
 * A shop that has not saved its settings yet is treated as being in UTC
 * with the default frequency cap; dates near midnight may then fall on the
 * neighbouring day for a shop far from UTC until it sets its time zone.
 */
export const defaultShopTimeZone = "UTC";
export const defaultFrequencyCapDays = 7;

export interface ShopCalendar {
  timeZone: string;
  frequencyCapDays: number;
}

export async function loadShopCalendar(
  prisma: Prisma.TransactionClient,
): Promise<ShopCalendar> {
  const settings = await prisma.shopSettings.findFirst({
    select: { timeZone: true, frequencyCapDays: true },
    orderBy: { id: "asc" },
  });

  return {
    timeZone: settings?.timeZone ?? defaultShopTimeZone,
    frequencyCapDays: settings?.frequencyCapDays ?? defaultFrequencyCapDays,
  };
}
