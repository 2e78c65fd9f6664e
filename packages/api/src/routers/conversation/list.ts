import { listConversations } from "../../services/conversations/list.ts";
import { viewerProcedure } from "../../trpc.ts";
import { conversationListInput } from "./schemas.ts";

export const list = viewerProcedure
  .input(conversationListInput)
  .query(({ ctx, input }) => listConversations(ctx, input));
