import { markThreadRead } from "../../services/conversations/mark-read.ts";
import { staffProcedure } from "../../trpc.ts";
import { threadIdInput } from "./schemas.ts";

export const markRead = staffProcedure
  .input(threadIdInput)
  .mutation(({ ctx, input }) => markThreadRead(ctx, input.threadId));
