import { randomUUID } from "node:crypto";

import type { Services } from "../../context.ts";
import { DomainError, notFound } from "../../errors.ts";
import { recordEvents } from "../../events/record.ts";
import { loadShopSettings } from "../bookings/shop.ts";

export interface ConversationReplyInput {
  threadId: number;
  text: string;
  html?: string | undefined;
}

/**
 * Queues staff's answer in the outbox: a QUEUED outbound row that the
 * campaign dispatcher sends like any other email, so its status is
 * tracked the same way. Headers chain it to the thread's last message.
 */
export async function replyInThread(
  services: Services,
  input: ConversationReplyInput,
) {
  const prisma = services.db.prisma;
  const thread = await prisma.thread.findUnique({
    where: { id: input.threadId },
    select: {
      id: true,
      subject: true,
      fromAddress: true,
      customer: { select: { id: true, email: true } },
      emails: {
        select: {
          messageId: true,
          references: true,
          vehicleId: true,
          direction: true,
          fromAddress: true,
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
      },
    },
  });
  if (!thread) {
    throw notFound("thread", input.threadId, "threadId");
  }
  const last = thread.emails[0];
  const to =
    thread.customer?.email ??
    thread.fromAddress ??
    (last?.direction === "INBOUND" ? last.fromAddress : null);
  if (!to) {
    throw new DomainError(
      "INVALID_STATE",
      `thread ${thread.id} has no address to reply to`,
      "threadId",
    );
  }
  await assertNotSuppressed(services, to);
  const shop = await loadShopSettings(services.db);
  const domain = shop.senderEmail.split("@")[1] ?? "rally.invalid";
  const now = services.clock.now();

  return prisma.$transaction(async (tx) => {
    const email = await tx.email.create({
      data: {
        threadId: thread.id,
        customerId: thread.customer?.id ?? null,
        vehicleId: last?.vehicleId ?? null,
        direction: "OUTBOUND",
        isReply: true,
        status: "QUEUED",
        toAddress: to,
        fromAddress: shop.senderEmail,
        subject: /^re:/i.test(thread.subject)
          ? thread.subject
          : `Re: ${thread.subject}`,
        text: input.text,
        html: input.html ?? null,
        messageId: `<${randomUUID()}@${domain}>`,
        inReplyTo: last?.messageId ?? null,
        references: last
          ? [last.references, last.messageId]
              .filter(Boolean)
              .join(" ")
              .slice(-8_000)
          : null,
        nextAttemptAt: now,
        createdAt: now,
      },
      select: {
        id: true,
        status: true,
        messageId: true,
        subject: true,
        toAddress: true,
      },
    });
    await tx.thread.update({
      where: { id: thread.id },
      data: { needsReply: false, unreadCount: 0, lastMessageAt: now },
    });
    await recordEvents(tx, [
      {
        type: "conversation.message",
        threadId: thread.id,
        payload: {
          threadId: thread.id,
          emailId: email.id,
          direction: "OUTBOUND",
        },
      },
    ]);

    return email;
  });
}

async function assertNotSuppressed(services: Services, address: string) {
  const count = await services.db.prisma.suppression.count({
    where: { email: address.toLowerCase() },
  });
  if (count > 0) {
    throw new DomainError(
      "CONFLICT",
      `${address} has unsubscribed; Rally will not email it`,
      "threadId",
    );
  }
}
