import { z } from "zod";

import { id } from "../../schemas.ts";
import { getCampaign } from "../../services/campaigns/queries.ts";
import { viewerProcedure } from "../../trpc.ts";

export const get = viewerProcedure
  .input(z.strictObject({ id }))
  .query(({ ctx, input }) => getCampaign(ctx.db, input.id));
