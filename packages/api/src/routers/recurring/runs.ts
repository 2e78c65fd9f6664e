import { recurringRunsInput } from "../../schedule-schemas.ts";
import { listRecurringRuns } from "../../services/scheduling/recurring-reads.ts";
import { viewerProcedure } from "../../trpc.ts";

/** One row per occurrence, newest first. */
export const recurringRuns = viewerProcedure
  .input(recurringRunsInput)
  .query(({ ctx, input }) => listRecurringRuns(ctx.db, input));
