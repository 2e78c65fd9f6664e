import { z } from "zod";

import { id } from "../../schemas.ts";
import { getScheduledCampaign } from "../../services/scheduling/one-off.ts";
import { viewerProcedure } from "../../trpc.ts";

/** Any scheduled run: a one-off or one occurrence of a recurring schedule. */
export const scheduleGet = viewerProcedure
  .input(z.strictObject({ id }))
  .query(({ ctx, input }) => getScheduledCampaign(ctx.db, input.id));
