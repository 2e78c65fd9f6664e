import { eventStream } from "../../events/stream.ts";
import { viewerProcedure } from "../../trpc.ts";
import { onCampaignInput } from "./schemas.ts";

/**
 * One campaign's changes: every email status (never dropped; a client too
 * slow for them is told to refetch), its status, and its progress counts
 * at most a few times a second.
 */
export const onCampaign = viewerProcedure
  .input(onCampaignInput)
  .subscription(({ ctx, input, signal }) =>
    eventStream({
      bus: ctx.events,
      signal,
      lastEventId: input.lastEventId,
      filter: { campaignId: input.campaignId },
      transport: ctx.socket,
    }),
  );
