import { id, pageInput } from "../../schemas.ts";
import { listCampaigns } from "../../services/campaigns/queries.ts";
import { viewerProcedure } from "../../trpc.ts";

export const list = viewerProcedure
  .input(pageInput.extend({ ruleId: id.optional() }))
  .query(({ ctx, input }) => listCampaigns(ctx.db, input));
