import { z } from "zod";

import { id, pageInput } from "../../schemas.ts";

// The reply form's schema lives in the shared file, where the console reaches it.
export { conversationReplyInput, replyTextMax } from "../../schemas.ts";

export const conversationListInput = pageInput.extend({
  filter: z.enum(["all", "needs-reply", "unmatched"]).default("all"),
  customerId: id.optional(),
});

export const threadIdInput = z.strictObject({ threadId: id });

export const applyIntentInput = z.strictObject({
  emailId: id,
  intent: z.enum(["sold"]),
  vehicleId: id.optional(),
});
