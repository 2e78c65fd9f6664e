import { replyInThread } from "../../services/conversations/reply.ts";
import { staffProcedure } from "../../trpc.ts";
import { conversationReplyInput } from "./schemas.ts";

export const reply = staffProcedure
  .input(conversationReplyInput)
  .mutation(({ ctx, input }) => replyInThread(ctx, input));
