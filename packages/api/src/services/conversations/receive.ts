import { randomUUID } from "node:crypto";

import type { Prisma } from "@rally/db";

import type { Services } from "../../context.ts";
import { fromDatabaseError } from "../../database-errors.ts";
import { recordEvents } from "../../events/record.ts";
import { loadShopSettings } from "../bookings/shop.ts";
import type { InboundMessage } from "./inbound-message.ts";
import { detectIntent, type DetectedIntent } from "./intents.ts";
import { matchThread, type Match } from "./match-thread.ts";
import { visibleReply } from "./quoted-text.ts";

/**
 * Files an inbound email in its thread (see matchThread), counts it as
 * unread and waiting for an answer, and suppresses the sender at once
 * when the reply asks to stop. A redelivered message is stored once.
 */
export async function receiveInbound(
  services: Services,
  message: InboundMessage,
) {
  const existing = await alreadyStored(services, message);
  if (existing) {
    return existing;
  }
  const match = await matchThread(services, message);
  const shop = await loadShopSettings(services.db);
  const intent = detectIntent(
    visibleReply(message.text),
    services.clock.now(),
    shop.timeZone,
  );
  try {
    return await services.db.prisma.$transaction((tx) =>
      store(tx, services.clock.now(), message, match, intent),
    );
  } catch (error) {
    // Two deliveries of one message at once: the loser finds the winner's.
    const retried =
      fromDatabaseError(error)?.code === "CONFLICT"
        ? await alreadyStored(services, message)
        : undefined;
    if (!retried) {
      throw error;
    }

    return retried;
  }
}

async function alreadyStored(services: Services, message: InboundMessage) {
  if (!message.messageId) {
    return undefined;
  }
  const email = await services.db.prisma.email.findUnique({
    where: { messageId: message.messageId },
    select: { id: true, threadId: true },
  });

  return email
    ? {
        emailId: email.id,
        threadId: email.threadId,
        matchedBy: "duplicate" as const,
      }
    : undefined;
}

async function store(
  tx: Prisma.TransactionClient,
  now: Date,
  message: InboundMessage,
  match: Match,
  intent: DetectedIntent | null,
) {
  const threadId =
    match.threadId ?? (await openThread(tx, message, match, now));
  const email = await insertInbound(tx, now, message, match, threadId);
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

  return { emailId: email.id, threadId, matchedBy: match.matchedBy };
}

async function insertInbound(
  tx: Prisma.TransactionClient,
  now: Date,
  message: InboundMessage,
  match: Match,
  threadId: number,
) {
  const about = await tx.email.findFirst({
    where: { threadId, vehicleId: { not: null } },
    select: { vehicleId: true },
    orderBy: { createdAt: "desc" },
  });

  return tx.email.create({
    data: {
      threadId,
      customerId: match.customerId,
      vehicleId: about?.vehicleId ?? null,
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
