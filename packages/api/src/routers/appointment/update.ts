import { updateAppointment } from "../../services/appointments/lifecycle.ts";
import { staffProcedure } from "../../trpc.ts";
import { appointmentUpdateInput } from "./schemas.ts";

export const update = staffProcedure
  .input(appointmentUpdateInput)
  .mutation(({ ctx, input }) => updateAppointment(ctx, input));
