import { z } from "zod";

import { id } from "../../schemas.ts";
import { sendCampaign } from "../../services/campaigns/send.ts";
import { staffProcedure } from "../../trpc.ts";

export const campaignSendInput = z.object({
  ruleId: id,
  templateId: id.optional(),
  /** Made by the console once per click: a retried request sends nothing twice. */
  idempotencyKey: z.string().trim().min(8).max(100),
  /** The share of recipients held out as a control group, 0 to 0.5. */
  controlShare: z.number().min(0).max(0.5).optional(),
});

export const send = staffProcedure
  .input(campaignSendInput)
  .mutation(({ ctx, input }) =>
    sendCampaign(ctx, {
      ...input,
      actorId: ctx.actor.kind === "user" ? ctx.actor.id : null,
    }),
  );
