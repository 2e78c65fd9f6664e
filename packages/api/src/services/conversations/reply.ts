import { randomUUID } from "node:crypto";

import type { Prisma } from "@rally/db";

import type { Services } from "../../context.ts";
import { DomainError, notFound } from "../../errors.ts";
import { recordEvents } from "../../events/record.ts";
import { loadShopSettings } from "../bookings/shop.ts";

export interface ConversationReplyInput {
  threadId: number;
  text: string;
  html?: string | undefined;
}

type ReplyTarget = Awaited<ReturnType<typeof loadTarget>>;

/**
 * Queues staff's answer in the outbox: a QUEUED outbound row that the
 * campaign dispatcher sends like any other email, so its status is
 * tracked the same way. Headers chain it to the thread's last message.
 */
export async function replyInThread(
  services: Services,
  input: ConversationReplyInput,
) {
  const target = await loadTarget(services, input.threadId);
  await assertNotSuppressed(services, target.to);
  const shop = await loadShopSettings(services.db);
  const now = services.clock.now();

  return services.db.prisma.$transaction(async (tx) => {
    const email = await insertReply(tx, target, input, {
      from: shop.senderEmail,
      now,
    });
    await tx.thread.update({
      where: { id: target.threadId },
      data: { needsReply: false, unreadCount: 0, lastMessageAt: now },
    });
    await recordEvents(tx, [
      {
        type: "conversation.message",
        threadId: target.threadId,
        payload: {
          threadId: target.threadId,
          emailId: email.id,
          direction: "OUTBOUND",
        },
      },
    ]);

    return email;
  });
}

/** The thread, its last message, and the address the answer goes to. */
async function loadTarget(services: Services, threadId: number) {
  const thread = await services.db.prisma.thread.findUnique({
    where: { id: threadId },
    select: {
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
    throw notFound("thread", threadId, "threadId");
  }
  const last = thread.emails[0];
  const to =
    thread.customer?.email ??
    thread.fromAddress ??
    (last?.direction === "INBOUND" ? last.fromAddress : null);
  if (!to) {
    throw new DomainError(
      "INVALID_STATE",
      `thread ${threadId} has no address to reply to`,
      "threadId",
    );
  }

  return {
    threadId,
    subject: thread.subject,
    customerId: thread.customer?.id ?? null,
    last,
    to,
  };
}

function insertReply(
  tx: Prisma.TransactionClient,
  target: ReplyTarget,
  input: ConversationReplyInput,
  options: { from: string; now: Date },
) {
  const { last } = target;
  const domain = options.from.split("@")[1] ?? "rally.invalid";

  return tx.email.create({
    data: {
      threadId: target.threadId,
      customerId: target.customerId,
      vehicleId: last?.vehicleId ?? null,
      direction: "OUTBOUND",
      isReply: true,
      status: "QUEUED",
      toAddress: target.to,
      fromAddress: options.from,
      subject: /^re:/i.test(target.subject)
        ? target.subject
        : `Re: ${target.subject}`,
      text: input.text,
      html: input.html ?? null,
      messageId: `<${randomUUID()}@${domain}>`,
      inReplyTo: last?.messageId ?? null,
      // Long threads keep the newest references; the first ones matter least.
      references: last
        ? [last.references, last.messageId]
            .filter(Boolean)
            .join(" ")
            .slice(-8_000)
        : null,
      nextAttemptAt: options.now,
      createdAt: options.now,
    },
    select: {
      id: true,
      status: true,
      messageId: true,
      subject: true,
      toAddress: true,
    },
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
