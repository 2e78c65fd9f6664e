import { z } from "zod";

import { id, pageInput } from "../../schemas.ts";

export const conversationListInput = pageInput.extend({
  filter: z.enum(["all", "needs-reply", "unmatched"]).default("all"),
  customerId: id.optional(),
});

export const threadIdInput = z.object({ threadId: id });

/** A reply's text; long enough for any answer a shop writes by hand. */
export const replyTextMax = 20_000;

export const conversationReplyInput = z.object({
  threadId: id,
  text: z.string().trim().min(1).max(replyTextMax),
  html: z
    .string()
    .max(replyTextMax * 5)
    .optional(),
});

export const applyIntentInput = z.object({
  emailId: id,
  intent: z.enum(["sold"]),
  vehicleId: id.optional(),
});
