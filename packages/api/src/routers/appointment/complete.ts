import { completeAppointment } from "../../services/appointments/lifecycle.ts";
import { staffProcedure } from "../../trpc.ts";
import { appointmentCompleteInput } from "./schemas.ts";

export const complete = staffProcedure
  .input(appointmentCompleteInput)
  .mutation(({ ctx, input }) => completeAppointment(ctx, input));
