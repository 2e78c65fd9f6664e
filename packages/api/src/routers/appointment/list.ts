import { listAppointments } from "../../services/appointments/list.ts";
import { viewerProcedure } from "../../trpc.ts";
import { appointmentListInput } from "./schemas.ts";

export const list = viewerProcedure
  .input(appointmentListInput)
  .query(({ ctx, input }) => listAppointments(ctx, input));
