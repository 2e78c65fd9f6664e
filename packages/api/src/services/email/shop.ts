import type { Database } from "@rally/db";

export interface SendWindow {
  /** ISO weekdays, 1 = Monday. */
  days: number[];
  /** Local "HH:mm". */
  start: string;
  end: string;
}

export interface ShopProfile {
  name: string;
  phone: string | null;
  postalAddress: string;
  timeZone: string;
  senderName: string;
  senderEmail: string;
  bookingBaseUrl: string | null;
  sendWindow: SendWindow | null;
}

/** Before the shop is set up, mail still needs a sender and an address. */
const unconfigured: ShopProfile = {
  name: "Your shop",
  phone: null,
  postalAddress: "Postal address not set",
  timeZone: "UTC",
  senderName: "Your shop",
  senderEmail: "service@rally.invalid",
  bookingBaseUrl: null,
  sendWindow: null,
};

export async function loadShop(db: Database): Promise<ShopProfile> {
  const settings = await db.prisma.shopSettings.findUnique({
    where: { id: 1 },
    select: {
      name: true,
      phone: true,
      postalAddress: true,
      timeZone: true,
      senderName: true,
      senderEmail: true,
      bookingBaseUrl: true,
      sendWindow: true,
    },
  });
  if (!settings) {
    return unconfigured;
  }

  return {
    ...settings,
    sendWindow: parseWindow(settings.sendWindow),
  };
}

function parseWindow(value: unknown): SendWindow | null {
  if (!value || typeof value !== "object") {
    return null;
  }
  const { days, start, end } = value as Partial<SendWindow>;
  const isTime = (t: unknown) =>
    typeof t === "string" && /^\d{2}:\d{2}$/.test(t);
  if (!Array.isArray(days) || !isTime(start) || !isTime(end)) {
    return null;
  }

  return { days, start: start as string, end: end as string };
}
