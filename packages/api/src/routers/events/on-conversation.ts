import { eventStream } from "../../events/stream.ts";
import { viewerProcedure } from "../../trpc.ts";
import { onConversationInput } from "./schemas.ts";

/** Messages arriving and threads read: one thread's, or every thread's. */
export const onConversation = viewerProcedure
  .input(onConversationInput)
  .subscription(({ ctx, input, signal }) =>
    eventStream({
      bus: ctx.events,
      signal,
      lastEventId: input.lastEventId,
      filter: {
        types: ["conversation.message", "conversation.read"],
        threadId: input.threadId,
      },
      transport: ctx.socket,
    }),
  );
