import { z } from "zod";

import { id } from "../../schemas.ts";
import { campaignFunnel } from "../../services/dashboard/funnel.ts";
import { viewerProcedure } from "../../trpc.ts";

export const campaignFunnelInput = z
  .object({
    campaignId: id.optional(),
    from: z.date().optional(),
    to: z.date().optional(),
  })
  .default({});

export const funnel = viewerProcedure
  .input(campaignFunnelInput)
  .query(({ ctx, input }) => campaignFunnel(ctx, input));
