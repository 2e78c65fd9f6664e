import { campaignSendInput } from "../../schemas.ts";
import { sendCampaign } from "../../services/campaigns/send.ts";
import { staffProcedure } from "../../trpc.ts";

export const send = staffProcedure
  .input(campaignSendInput)
  .mutation(({ ctx, input }) =>
    sendCampaign(ctx, {
      ...input,
      actorId: ctx.actor.kind === "user" ? ctx.actor.id : null,
    }),
  );
