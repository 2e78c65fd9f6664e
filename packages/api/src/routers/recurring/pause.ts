import { z } from "zod";

import { id } from "../../schemas.ts";
import { pauseRecurringSchedule } from "../../services/scheduling/recurring.ts";
import { staffProcedure } from "../../trpc.ts";

export const recurringPause = staffProcedure
  .input(z.strictObject({ id }))
  .mutation(({ ctx, input }) => pauseRecurringSchedule(ctx.db, input.id));
