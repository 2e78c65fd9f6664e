import { router } from "../../trpc.ts";
import { applyIntent } from "./apply-intent.ts";
import { list } from "./list.ts";
import { markRead } from "./mark-read.ts";
import { reply } from "./reply.ts";
import { thread } from "./thread.ts";

export const conversationRouter = router({
  list,
  thread,
  reply,
  markRead,
  applyIntent,
});
