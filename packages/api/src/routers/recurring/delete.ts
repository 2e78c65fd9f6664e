import { z } from "zod";

import { id } from "../../schemas.ts";
import { deleteRecurringSchedule } from "../../services/scheduling/recurring.ts";
import { staffProcedure } from "../../trpc.ts";

export const recurringDelete = staffProcedure
  .input(z.strictObject({ id }))
  .mutation(({ ctx, input }) => deleteRecurringSchedule(ctx.db, input.id));
