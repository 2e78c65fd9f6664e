import { randomUUID } from "node:crypto";

import type { Prisma } from "@rally/db";

import type { Services } from "../../context.ts";
import { recordEvents } from "../../events/record.ts";
import { loadShopSettings } from "../bookings/shop.ts";
import type { InboundMessage } from "./inbound-message.ts";
import { detectIntent } from "./intents.ts";
import { visibleReply } from "./quoted-text.ts";
import { threadIdFromReplyAddress } from "./reply-address.ts";

export type MatchedBy = "token" | "headers" | "customer" | "unmatched";

interface Match {
  matchedBy: MatchedBy;
  threadId: number | null;
  customerId: number | null;
}

/**
 * Files an inbound email in its thread: by the signed reply address, then
 * by the headers naming an email Rally sent (whatever that email's status,
 * so a reply that outruns the "sent" report still threads), then by the
 * sender being a known customer, else into a new unmatched thread.
 */
export async function receiveInbound(
  services: Services,
  message: InboundMessage,
) {
  if (message.messageId) {
    const existing = await services.db.prisma.email.findUnique({
      where: { messageId: message.messageId },
      select: { id: true, threadId: true },
    });
    if (existing) {
      return {
        emailId: existing.id,
        threadId: existing.threadId,
        isDuplicate: true,
      };
    }
  }
  const match = await matchThread(services, message);
  const shop = await loadShopSettings(services.db);
  const now = services.clock.now();
  const intent = detectIntent(visibleReply(message.text), now, shop.timeZone);

  return services.db.prisma.$transaction(async (tx) => {
    const threadId =
      match.threadId ?? (await openThread(tx, message, match, now));
    const vehicle = await tx.email.findFirst({
      where: { threadId, vehicleId: { not: null } },
      select: { vehicleId: true },
      orderBy: { createdAt: "desc" },
    });
    const email = await tx.email.create({
      data: {
        threadId,
        customerId: match.customerId,
        vehicleId: vehicle?.vehicleId ?? null,
        direction: "INBOUND",
        status: "RECEIVED",
        toAddress: (message.to[0] ?? "").slice(0, 1_000),
        fromAddress: message.from,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId ?? `<${randomUUID()}@inbound.rally>`,
        inReplyTo: message.inReplyTo,
        references: message.references.join(" ") || null,
        createdAt: now,
      },
      select: { id: true },
    });
    const isSuppressed = intent?.kind === "unsubscribe";
    if (isSuppressed) {
      await suppress(tx, message.from, email.id);
    }
    await tx.emailEvent.create({
      data: {
        emailId: email.id,
        toStatus: "RECEIVED",
        reason: isSuppressed ? "unsubscribed by reply" : null,
        data: { matchedBy: match.matchedBy, intent: intent?.kind ?? null },
        occurredAt: now,
      },
    });
    await tx.thread.update({
      where: { id: threadId },
      data: {
        unreadCount: { increment: 1 },
        needsReply: !isSuppressed,
        lastMessageAt: now,
      },
    });
    await recordEvents(tx, [
      {
        type: "conversation.message",
        threadId,
        payload: { threadId, emailId: email.id, direction: "INBOUND" },
      },
    ]);

    return {
      emailId: email.id,
      threadId,
      matchedBy: match.matchedBy,
      isDuplicate: false,
    };
  });
}

async function matchThread(
  services: Services,
  message: InboundMessage,
): Promise<Match> {
  const prisma = services.db.prisma;
  const tokenThreadId = message.to
    .map((address) => threadIdFromReplyAddress(services, address))
    .find((id) => id !== null);
  if (tokenThreadId) {
    const thread = await prisma.thread.findUnique({
      where: { id: tokenThreadId },
      select: { id: true, customerId: true },
    });
    if (thread) {
      return {
        matchedBy: "token",
        threadId: thread.id,
        customerId: thread.customerId,
      };
    }
  }
  const ids = [message.inReplyTo, ...message.references].filter(
    (id): id is string => Boolean(id),
  );
  if (ids.length > 0) {
    const earlier = await prisma.email.findFirst({
      where: { messageId: { in: ids }, threadId: { not: null } },
      select: { threadId: true, thread: { select: { customerId: true } } },
      orderBy: { createdAt: "desc" },
    });
    if (earlier?.threadId) {
      return {
        matchedBy: "headers",
        threadId: earlier.threadId,
        customerId: earlier.thread?.customerId ?? null,
      };
    }
  }
  const customer = await prisma.customer.findFirst({
    where: { email: { equals: message.from, mode: "insensitive" } },
    select: { id: true },
    orderBy: { id: "asc" },
  });

  return customer
    ? { matchedBy: "customer", threadId: null, customerId: customer.id }
    : { matchedBy: "unmatched", threadId: null, customerId: null };
}

async function openThread(
  tx: Prisma.TransactionClient,
  message: InboundMessage,
  match: Match,
  now: Date,
) {
  const thread = await tx.thread.create({
    data: {
      customerId: match.customerId,
      fromAddress: match.customerId ? null : message.from,
      subject: message.subject.trim().slice(0, 200) || "(no subject)",
      lastMessageAt: now,
      createdAt: now,
    },
    select: { id: true },
  });

  return thread.id;
}

async function suppress(
  tx: Prisma.TransactionClient,
  address: string,
  emailId: number,
) {
  await tx.suppression.upsert({
    where: { email: address.toLowerCase() },
    create: {
      email: address.toLowerCase(),
      reason: "UNSUBSCRIBED",
      source: `reply:${emailId}`,
    },
    update: {},
  });
}
