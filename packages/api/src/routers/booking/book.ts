import { bookSlot } from "../../services/bookings/book.ts";
import { publicProcedure } from "../../trpc.ts";
import { bookingBookInput } from "./schemas.ts";

/** Public: the link's token is the credential. */
export const book = publicProcedure
  .input(bookingBookInput)
  .mutation(({ ctx, input }) => bookSlot(ctx, input));
