import type { Prisma } from "@rally/db";

import type { Services } from "../../context.ts";
import { DomainError } from "../../errors.ts";
import type { Attribution } from "../appointments/attribution.ts";
import { insertAppointment } from "../appointments/create.ts";
import { readBookingToken, type BookingClaim } from "./link.ts";
import { loadShopSettings, type BookingSettings } from "./shop.ts";
import { freeSlots, slotStarts } from "./slots.ts";

/** Namespaces for two-key advisory locks: one per vehicle, one per slot. */
const VEHICLE_LOCK = 72_617_101;
const SLOT_LOCK = 72_617_102;

export type BookingPage =
  | { status: "invalid"; reason: InvalidReason }
  | { status: "booked"; scheduledFor: Date; timeZone: string }
  | {
      status: "open";
      shopName: string;
      timeZone: string;
      vehicle: { make: string; model: string; year: number };
      slots: Date[];
    };

type InvalidReason = "malformed" | "forged" | "expired" | "used" | "unknown";

/** What the booking link's page shows: free slots, or why there are none. */
export async function bookingSlots(
  services: Services,
  input: { token: string; from?: Date | undefined },
): Promise<BookingPage> {
  const check = readBookingToken(services, input.token);
  if (!check.ok) {
    return { status: "invalid", reason: check.reason };
  }
  const { claim } = check;
  const shop = await loadShopSettings(services.db);
  const vehicle = await services.db.prisma.vehicle.findUnique({
    where: { id: claim.vehicleId },
    select: { make: true, model: true, year: true, status: true },
  });
  if (!vehicle || vehicle.status !== "ACTIVE") {
    return { status: "invalid", reason: "unknown" };
  }
  const state = await linkState(services.db.prisma, claim, services);
  if (state.upcoming) {
    return {
      status: "booked",
      scheduledFor: state.upcoming,
      timeZone: shop.timeZone,
    };
  }
  if (state.isUsed) {
    return { status: "invalid", reason: "used" };
  }
  const now = services.clock.now();
  const from = input.from && input.from > now ? input.from : now;

  return {
    status: "open",
    shopName: shop.name,
    timeZone: shop.timeZone,
    vehicle: { make: vehicle.make, model: vehicle.model, year: vehicle.year },
    slots: await freeSlots(services.db, shop, from),
  };
}

async function linkState(
  prisma: Prisma.TransactionClient,
  claim: BookingClaim,
  services: Pick<Services, "clock">,
) {
  const [upcoming, usedCount] = await Promise.all([
    prisma.appointment.findFirst({
      where: {
        vehicleId: claim.vehicleId,
        status: "SCHEDULED",
        scheduledFor: { gte: services.clock.now() },
      },
      select: { scheduledFor: true },
      orderBy: { scheduledFor: "asc" },
    }),
    prisma.appointment.count({
      where: {
        vehicleId: claim.vehicleId,
        source: "EMAIL_LINK",
        createdAt: { gte: claim.issuedAt },
      },
    }),
  ]);

  return { upcoming: upcoming?.scheduledFor, isUsed: usedCount > 0 };
}

/**
 * Books one slot through a link. Two requests for the last bay in a slot
 * serialise on the slot's advisory lock; the second then counts the first
 * one's appointment and is told the slot is gone.
 */
export async function bookSlot(
  services: Services,
  input: { token: string; slot: Date },
) {
  const claim = claimOrThrow(services, input.token);
  const shop = await loadShopSettings(services.db);
  const isOffered = slotStarts(shop, services.clock.now()).some(
    (start) => start.getTime() === input.slot.getTime(),
  );
  if (!isOffered) {
    throw new DomainError(
      "INVALID_INPUT",
      `${input.slot.toISOString()} is not a slot the shop offers`,
      "slot",
    );
  }

  return services.db.prisma.$transaction(async (tx) => {
    // A double click or a second tab books once: the link is used up.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${VEHICLE_LOCK}::int4, ${claim.vehicleId}::int4)`;
    const state = await linkState(tx, claim, services);
    if (state.upcoming || state.isUsed) {
      throw new DomainError(
        "CONFLICT",
        "this booking link has already been used",
        "token",
      );
    }
    await claimBay(tx, shop, input.slot);

    return insertAppointment(
      tx,
      services,
      {
        vehicleId: claim.vehicleId,
        scheduledFor: input.slot,
        source: "EMAIL_LINK",
      },
      await linkAttribution(tx, claim),
    );
  });
}

/**
 * Waits for the slot's lock, then counts: whoever holds the lock sees
 * every booking committed before it, so the last bay goes exactly once.
 */
async function claimBay(
  tx: Prisma.TransactionClient,
  shop: BookingSettings,
  slot: Date,
) {
  const slotKey = Math.floor(slot.getTime() / 60_000);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SLOT_LOCK}::int4, ${slotKey}::int4)`;
  const taken = await tx.appointment.count({
    where: {
      status: "SCHEDULED",
      scheduledFor: {
        gte: slot,
        lt: new Date(slot.getTime() + shop.slotMinutes * 60_000),
      },
    },
  });
  if (taken >= shop.bayCapacity) {
    throw new DomainError(
      "CONFLICT",
      `the slot at ${slot.toISOString()} is gone; pick another`,
      "slot",
    );
  }
}

function claimOrThrow(services: Services, token: string) {
  const check = readBookingToken(services, token);
  if (!check.ok) {
    throw new DomainError(
      check.reason === "expired" ? "INVALID_STATE" : "INVALID_INPUT",
      `this booking link is ${check.reason}`,
      "token",
    );
  }

  return check.claim;
}

/** The campaign email the link came from, when it still exists. */
async function linkAttribution(
  tx: Prisma.TransactionClient,
  claim: BookingClaim,
): Promise<Attribution | null> {
  if (claim.emailId) {
    const email = await tx.email.findUnique({
      where: { id: claim.emailId },
      select: { id: true, campaignId: true },
    });
    const campaignId = email?.campaignId ?? claim.campaignId;

    return campaignId ? { campaignId, emailId: email ? email.id : null } : null;
  }
  if (claim.campaignId) {
    const count = await tx.campaign.count({ where: { id: claim.campaignId } });

    return count > 0 ? { campaignId: claim.campaignId, emailId: null } : null;
  }

  return null;
}
