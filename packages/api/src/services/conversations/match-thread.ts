import type { Services } from "../../context.ts";
import type { InboundMessage } from "./inbound-message.ts";
import { threadIdFromReplyAddress } from "./reply-address.ts";

export type MatchedBy = "token" | "headers" | "customer" | "unmatched";

export interface Match {
  matchedBy: MatchedBy;
  /** Null when the message opens a new thread. */
  threadId: number | null;
  customerId: number | null;
}

/**
 * Finds an inbound email's thread: by the signed reply address, then by
 * the headers naming an email Rally sent (whatever that email's status,
 * so a reply that outruns the "sent" report still threads), then by the
 * sender being a known customer (a new thread), else a new unmatched one.
 */
export async function matchThread(
  services: Services,
  message: InboundMessage,
): Promise<Match> {
  const byToken = await matchByToken(services, message);
  if (byToken) {
    return byToken;
  }
  const byHeaders = await matchByHeaders(services, message);
  if (byHeaders) {
    return byHeaders;
  }
  const customer = await services.db.prisma.customer.findFirst({
    where: { email: { equals: message.from, mode: "insensitive" } },
    select: { id: true },
    orderBy: { id: "asc" },
  });

  return customer
    ? { matchedBy: "customer", threadId: null, customerId: customer.id }
    : { matchedBy: "unmatched", threadId: null, customerId: null };
}

async function matchByToken(
  services: Services,
  message: InboundMessage,
): Promise<Match | null> {
  const threadId = message.to
    .map((address) => threadIdFromReplyAddress(services, address))
    .find((id) => id !== null);
  if (!threadId) {
    return null;
  }
  const thread = await services.db.prisma.thread.findUnique({
    where: { id: threadId },
    select: { id: true, customerId: true },
  });

  return thread
    ? { matchedBy: "token", threadId: thread.id, customerId: thread.customerId }
    : null;
}

async function matchByHeaders(
  services: Services,
  message: InboundMessage,
): Promise<Match | null> {
  const ids = [message.inReplyTo, ...message.references].filter(
    (id): id is string => Boolean(id),
  );
  if (ids.length === 0) {
    return null;
  }
  const earlier = await services.db.prisma.email.findFirst({
    where: { messageId: { in: ids }, threadId: { not: null } },
    select: { threadId: true, thread: { select: { customerId: true } } },
    orderBy: { createdAt: "desc" },
  });

  return earlier?.threadId
    ? {
        matchedBy: "headers",
        threadId: earlier.threadId,
        customerId: earlier.thread?.customerId ?? null,
      }
    : null;
}
