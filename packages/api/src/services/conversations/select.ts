import type { Prisma } from "@rally/db";

/** What the inbox and a thread's header show about a thread. */
export const threadHeaderSelect = {
  id: true,
  subject: true,
  fromAddress: true,
  unreadCount: true,
  needsReply: true,
  lastMessageAt: true,
  customer: {
    select: { id: true, firstName: true, lastName: true, email: true },
  },
} as const satisfies Prisma.ThreadSelect;
