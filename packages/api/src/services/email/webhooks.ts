import { Prisma, type EmailStatus } from "@rally/db";
import { z } from "zod";

import type { Services } from "../../context.ts";
import { COMPLAINT_REASON, pauseOnComplaints } from "./complaints.ts";
import { suppress } from "./suppression.ts";
import { recordTransitions } from "./status-events.ts";
import { sourcesOf } from "./transitions.ts";

export const webhookEvent = z.object({
  type: z.enum(["delivered", "bounced", "failed", "complained"]),
  messageId: z.string().max(300).optional(),
  providerMessageId: z.string().max(300).optional(),
  reason: z.string().max(1_000).optional(),
  isHardBounce: z.boolean().optional(),
});

export type WebhookEvent = z.infer<typeof webhookEvent>;

export type WebhookOutcome = "applied" | "duplicate" | "ignored";

const statusFor = {
  delivered: "DELIVERED",
  bounced: "BOUNCED",
  failed: "FAILED",
  complained: null,
} as const satisfies Record<WebhookEvent["type"], EmailStatus | null>;

/**
 * Applies one provider report. Idempotent on the provider's event id; a
 * report that would move an email backwards (DELIVERED after BOUNCED, a
 * late duplicate) changes nothing.
 *
 * A report that overtakes our own record of the send (the email still
 * SENDING) is applied; the dispatcher's write then finds the email moved
 * on and leaves it, so its history lacks the SENT row and its sent time.
 */
export async function applyWebhookEvent(
  services: Pick<Services, "db" | "clock">,
  provider: string,
  eventId: string,
  event: WebhookEvent,
): Promise<WebhookOutcome> {
  const providerEventId = `${provider}:${eventId}`;
  try {
    return await services.db.prisma.$transaction((tx) =>
      apply(tx, services.clock.now(), providerEventId, event),
    );
  } catch (error) {
    // Two deliveries of one event raced; the other one applied it.
    if (
      error instanceof Prisma.PrismaClientKnownRequestError &&
      error.code === "P2002"
    ) {
      return "duplicate";
    }
    throw error;
  }
}

async function apply(
  tx: Prisma.TransactionClient,
  now: Date,
  providerEventId: string,
  event: WebhookEvent,
): Promise<WebhookOutcome> {
  const seen = await tx.emailEvent.count({ where: { providerEventId } });
  if (seen > 0) {
    return "duplicate";
  }
  const email = await findEmail(tx, event);
  if (!email) {
    return "ignored";
  }
  const to = statusFor[event.type] ?? email.status;
  const changed = await tx.email.updateMany({
    where: {
      id: email.id,
      status: { in: statusFor[event.type] ? sourcesOf(to) : [email.status] },
    },
    data: {
      status: to,
      ...(to === "DELIVERED" ? { deliveredAt: now } : {}),
      ...(event.reason && to !== "DELIVERED"
        ? { lastError: event.reason }
        : {}),
    },
  });
  if (changed.count === 0) {
    return "ignored";
  }
  await recordTransitions(
    tx,
    [
      {
        emailId: email.id,
        campaignId: email.campaignId,
        customerId: email.customerId,
        from: email.status,
        to,
        reason: event.type === "complained" ? COMPLAINT_REASON : event.reason,
        data: { ...event },
        providerEventId,
      },
    ],
    now,
  );
  await consequences(tx, email, event);

  return "applied";
}

async function consequences(
  tx: Prisma.TransactionClient,
  email: { toAddress: string; campaignId: number | null },
  event: WebhookEvent,
) {
  if (event.type === "bounced" && event.isHardBounce !== false) {
    await suppress(tx, email.toAddress, "BOUNCED", "webhook");
  }
  if (event.type === "complained") {
    await suppress(tx, email.toAddress, "COMPLAINED", "webhook");
    if (email.campaignId) {
      await pauseOnComplaints(tx, email.campaignId);
    }
  }
}

function findEmail(tx: Prisma.TransactionClient, event: WebhookEvent) {
  const where = event.messageId
    ? { messageId: event.messageId }
    : event.providerMessageId
      ? { providerMessageId: event.providerMessageId }
      : null;
  if (!where) {
    return null;
  }

  return tx.email.findFirst({
    where: { ...where, direction: "OUTBOUND" },
    select: {
      id: true,
      status: true,
      campaignId: true,
      customerId: true,
      toAddress: true,
    },
  });
}
