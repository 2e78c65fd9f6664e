import { createAppointment } from "../../services/appointments/create.ts";
import { staffProcedure } from "../../trpc.ts";
import { appointmentCreateInput } from "./schemas.ts";

export const create = staffProcedure
  .input(appointmentCreateInput)
  .mutation(({ ctx, input }) => createAppointment(ctx, input));
