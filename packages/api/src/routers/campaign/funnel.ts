import { z } from "zod";

import { id, instant } from "../../schemas.ts";
import { campaignFunnel } from "../../services/dashboard/funnel.ts";
import { viewerProcedure } from "../../trpc.ts";

export const campaignFunnelInput = z
  .strictObject({
    campaignId: id.optional(),
    from: instant.optional(),
    to: instant.optional(),
  })
  .default({});

export const funnel = viewerProcedure
  .input(campaignFunnelInput)
  .query(({ ctx, input }) => campaignFunnel(ctx, input));
