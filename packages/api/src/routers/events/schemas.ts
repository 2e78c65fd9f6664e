import { z } from "zod";

const MAX_INT4 = 2_147_483_647;

/**
 * A bigint id as decimal text; tRPC adds it back on reconnect. Leading
 * zeros are dropped, so ids compare by length, then as text.
 */
export const lastEventIdSchema = z
  .string()
  .regex(/^\d{1,19}$/, "must be an event id (digits only)")
  .transform((id) => id.replace(/^0+(?=\d)/, ""))
  .nullish();

const rowId = z.number().int().positive().max(MAX_INT4);

export const resumeInput = z
  .strictObject({ lastEventId: lastEventIdSchema })
  .default({});

export const onCampaignInput = z.strictObject({
  campaignId: rowId,
  lastEventId: lastEventIdSchema,
});

export const onConversationInput = z
  .strictObject({ threadId: rowId.optional(), lastEventId: lastEventIdSchema })
  .default({});
