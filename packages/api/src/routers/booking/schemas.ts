import { z } from "zod";

export const bookingToken = z.string().trim().min(1).max(2_000);

export const bookingSlotsInput = z.object({
  token: bookingToken,
  from: z.date().optional(),
});

export const bookingBookInput = z.object({
  token: bookingToken,
  slot: z.date(),
});
