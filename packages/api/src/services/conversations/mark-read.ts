import type { Services } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { recordEvents } from "../../events/record.ts";

export async function markThreadRead(services: Services, threadId: number) {
  return services.db.prisma.$transaction(async (tx) => {
    const result = await tx.thread.updateManyAndReturn({
      where: { id: threadId },
      data: { unreadCount: 0 },
      select: { id: true, unreadCount: true, needsReply: true },
    });
    const thread = result[0];
    if (!thread) {
      throw notFound("thread", threadId, "threadId");
    }
    await recordEvents(tx, [
      { type: "conversation.read", threadId, payload: { threadId } },
    ]);

    return thread;
  });
}
