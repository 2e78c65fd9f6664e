import { markNoShow } from "../../services/appointments/lifecycle.ts";
import { staffProcedure } from "../../trpc.ts";
import { appointmentIdInput } from "./schemas.ts";

export const noShow = staffProcedure
  .input(appointmentIdInput)
  .mutation(({ ctx, input }) => markNoShow(ctx, input.id));
