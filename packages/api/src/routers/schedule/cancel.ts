import { z } from "zod";

import { id } from "../../schemas.ts";
import { cancelScheduledCampaign } from "../../services/scheduling/one-off.ts";
import { staffProcedure } from "../../trpc.ts";

export const scheduleCancel = staffProcedure
  .input(z.strictObject({ id }))
  .mutation(({ ctx, input }) => cancelScheduledCampaign(ctx.db, input.id));
