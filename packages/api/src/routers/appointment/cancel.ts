import { cancelAppointment } from "../../services/appointments/lifecycle.ts";
import { staffProcedure } from "../../trpc.ts";
import { appointmentIdInput } from "./schemas.ts";

export const cancel = staffProcedure
  .input(appointmentIdInput)
  .mutation(({ ctx, input }) => cancelAppointment(ctx, input.id));
