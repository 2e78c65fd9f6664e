import { recurringUpdateInput } from "../../schedule-schemas.ts";
import { updateRecurringSchedule } from "../../services/scheduling/recurring.ts";
import { staffProcedure } from "../../trpc.ts";

export const recurringUpdate = staffProcedure
  .input(recurringUpdateInput)
  .mutation(({ ctx, input }) => updateRecurringSchedule(ctx, input));
