import { recurringListInput } from "../../schedule-schemas.ts";
import { listRecurringSchedules } from "../../services/scheduling/recurring-reads.ts";
import { viewerProcedure } from "../../trpc.ts";

export const recurringList = viewerProcedure
  .input(recurringListInput)
  .query(({ ctx, input }) => listRecurringSchedules(ctx.db, input));
