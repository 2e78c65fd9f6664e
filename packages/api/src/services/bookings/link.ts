import { z } from "zod";

import type { Services } from "../../context.ts";
import { signToken, verifyToken } from "../../tokens.ts";

const purpose = "booking";

/** How long a booking link in an email stays usable. */
export const bookingLinkDays = 30;

const claimSchema = z.object({
  v: z.number().int().positive(),
  e: z.number().int().positive().optional(),
  c: z.number().int().positive().optional(),
  /** Issued at, in seconds: a booking made after it uses the link up. */
  i: z.number().int().nonnegative(),
});

export interface BookingClaim {
  vehicleId: number;
  emailId: number | undefined;
  campaignId: number | undefined;
  issuedAt: Date;
}

export type BookingTokenCheck =
  | { ok: true; claim: BookingClaim }
  | { ok: false; reason: "malformed" | "forged" | "expired" };

/** The public booking page for one vehicle, for campaign emails. */
export function bookingLinkFor(
  services: Pick<Services, "secret" | "publicUrl" | "clock">,
  target: { vehicleId: number; emailId?: number; campaignId?: number },
) {
  const now = services.clock.now();
  const claim = {
    v: target.vehicleId,
    e: target.emailId,
    c: target.campaignId,
    i: Math.floor(now.getTime() / 1000),
  };
  const expiresAt = new Date(now.getTime() + bookingLinkDays * 86_400_000);
  const token = signToken(
    services.secret,
    purpose,
    JSON.stringify(claim),
    expiresAt,
  );

  return `${services.publicUrl.replace(/\/+$/, "")}/book/${token}`;
}

export function readBookingToken(
  services: Pick<Services, "secret" | "clock">,
  token: string,
): BookingTokenCheck {
  const check = verifyToken(
    services.secret,
    purpose,
    token,
    services.clock.now(),
  );
  if (!check.ok) {
    return check;
  }
  const parsed = claimSchema.safeParse(safeJson(check.payload));
  if (!parsed.success) {
    return { ok: false, reason: "malformed" };
  }

  return {
    ok: true,
    claim: {
      vehicleId: parsed.data.v,
      emailId: parsed.data.e,
      campaignId: parsed.data.c,
      issuedAt: new Date(parsed.data.i * 1000),
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
