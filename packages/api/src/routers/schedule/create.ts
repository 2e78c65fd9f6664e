import { scheduleCreateInput } from "../../schedule-schemas.ts";
import { createScheduledCampaign } from "../../services/scheduling/one-off.ts";
import { staffProcedure } from "../../trpc.ts";

/** Plans one run of a rule at a future instant. */
export const scheduleCreate = staffProcedure
  .input(scheduleCreateInput)
  .mutation(({ ctx, input }) => createScheduledCampaign(ctx, input));
