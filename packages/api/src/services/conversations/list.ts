import type { Prisma } from "@rally/db";

import type { Services } from "../../context.ts";
import { visibleReply } from "./quoted-text.ts";
import { threadHeaderSelect } from "./select.ts";

export interface ConversationListInput {
  filter: "all" | "needs-reply" | "unmatched";
  customerId?: number | undefined;
  cursor?: number | undefined;
  limit: number;
}

const threadSummarySelect = {
  ...threadHeaderSelect,
  emails: {
    select: {
      id: true,
      direction: true,
      status: true,
      text: true,
      createdAt: true,
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 1,
  },
} as const satisfies Prisma.ThreadSelect;

const previewLength = 160;

/** Threads with the newest activity first, and the inbox's unread totals. */
export async function listConversations(
  services: Services,
  input: ConversationListInput,
) {
  const prisma = services.db.prisma;
  const where: Prisma.ThreadWhereInput = {
    customerId: input.filter === "unmatched" ? null : input.customerId,
    needsReply: input.filter === "needs-reply" ? true : undefined,
  };
  const [rows, totals] = await Promise.all([
    prisma.thread.findMany({
      where,
      select: threadSummarySelect,
      orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
      take: input.limit + 1,
      ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    }),
    prisma.thread.aggregate({
      where: { unreadCount: { gt: 0 } },
      _sum: { unreadCount: true },
      _count: true,
    }),
  ]);
  const needsReply = await prisma.thread.count({ where: { needsReply: true } });
  const hasMore = rows.length > input.limit;
  const items = (hasMore ? rows.slice(0, input.limit) : rows).map(
    ({ emails, ...thread }) => ({
      ...thread,
      lastMessage: emails[0]
        ? {
            id: emails[0].id,
            direction: emails[0].direction,
            status: emails[0].status,
            createdAt: emails[0].createdAt,
            preview: visibleReply(emails[0].text ?? "").slice(0, previewLength),
          }
        : null,
    }),
  );

  return {
    items,
    nextCursor: hasMore ? items.at(-1)?.id : undefined,
    unread: {
      messages: totals._sum.unreadCount ?? 0,
      threads: totals._count,
      needsReply,
    },
  };
}
