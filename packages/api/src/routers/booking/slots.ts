import { bookingSlots } from "../../services/bookings/book.ts";
import { publicProcedure } from "../../trpc.ts";
import { bookingSlotsInput } from "./schemas.ts";

/** Public: the link's token is the credential. */
export const slots = publicProcedure
  .input(bookingSlotsInput)
  .query(({ ctx, input }) => bookingSlots(ctx, input));
