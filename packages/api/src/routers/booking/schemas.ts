import { z } from "zod";

import { instant } from "../../schemas.ts";

export const bookingToken = z.string().trim().min(1).max(2_000);

export const bookingSlotsInput = z.object({
  token: bookingToken,
  from: instant.optional(),
});

export const bookingBookInput = z.object({
  token: bookingToken,
  slot: instant,
});
