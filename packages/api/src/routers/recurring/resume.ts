import { z } from "zod";

import { id } from "../../schemas.ts";
import { resumeRecurringSchedule } from "../../services/scheduling/recurring.ts";
import { staffProcedure } from "../../trpc.ts";

export const recurringResume = staffProcedure
  .input(z.strictObject({ id }))
  .mutation(({ ctx, input }) => resumeRecurringSchedule(ctx, input.id));
