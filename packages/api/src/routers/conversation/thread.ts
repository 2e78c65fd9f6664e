import { getThread } from "../../services/conversations/thread.ts";
import { viewerProcedure } from "../../trpc.ts";
import { threadIdInput } from "./schemas.ts";

export const thread = viewerProcedure
  .input(threadIdInput)
  .query(({ ctx, input }) => getThread(ctx, input.threadId));
