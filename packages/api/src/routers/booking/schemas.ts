import { z } from "zod";

import { instant } from "../../schemas.ts";

export const bookingToken = z.string().trim().min(1).max(2_000);

export const bookingSlotsInput = z.strictObject({
  token: bookingToken,
  from: instant.optional(),
});

export const bookingBookInput = z.strictObject({
  token: bookingToken,
  slot: instant,
});
