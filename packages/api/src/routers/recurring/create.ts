import { recurringCreateInput } from "../../schedule-schemas.ts";
import { createRecurringSchedule } from "../../services/scheduling/recurring.ts";
import { staffProcedure } from "../../trpc.ts";

export const recurringCreate = staffProcedure
  .input(recurringCreateInput)
  .mutation(({ ctx, input }) => createRecurringSchedule(ctx, input));
