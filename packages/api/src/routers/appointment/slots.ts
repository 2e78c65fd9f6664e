import { openSlots } from "../../services/bookings/slots.ts";
import { viewerProcedure } from "../../trpc.ts";
import { appointmentSlotsInput } from "./schemas.ts";

/** Times with a free bay, for staff booking a customer in. */
export const slots = viewerProcedure
  .input(appointmentSlotsInput)
  .query(({ ctx, input }) => openSlots(ctx, input));
