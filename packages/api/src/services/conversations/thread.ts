import type { Prisma } from "@rally/db";

import type { Services } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { loadShopSettings } from "../bookings/shop.ts";
import { detectIntent } from "./intents.ts";
import { visibleReply } from "./quoted-text.ts";
import { threadHeaderSelect } from "./select.ts";

const messageSelect = {
  id: true,
  direction: true,
  status: true,
  isReply: true,
  fromAddress: true,
  toAddress: true,
  subject: true,
  text: true,
  html: true,
  campaignId: true,
  vehicleId: true,
  sentAt: true,
  deliveredAt: true,
  createdAt: true,
} as const satisfies Prisma.EmailSelect;

/**
 * A thread's messages in order. Each inbound message carries the text to
 * show first and the intent read from it; an unsubscribe is already
 * applied, the others are offers for staff.
 */
export async function getThread(services: Services, threadId: number) {
  const thread = await services.db.prisma.thread.findUnique({
    where: { id: threadId },
    select: {
      ...threadHeaderSelect,
      // The newest messages, should a thread ever outgrow one page.
      emails: {
        select: messageSelect,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 500,
      },
    },
  });
  if (!thread) {
    throw notFound("thread", threadId, "threadId");
  }
  const { emails, ...summary } = thread;

  return {
    ...summary,
    messages: await withIntents(services, emails.reverse()),
  };
}

type Message = Prisma.EmailGetPayload<{ select: typeof messageSelect }>;

async function withIntents(services: Services, emails: Message[]) {
  const shop = await loadShopSettings(services.db);
  const [suppressed, sold] = await Promise.all([
    suppressedAmong(
      services,
      emails.map((email) => email.fromAddress),
    ),
    soldAmong(
      services,
      emails.flatMap((email) => (email.vehicleId ? [email.vehicleId] : [])),
    ),
  ]);

  return emails.map((email) => {
    const isInbound = email.direction === "INBOUND";
    const visibleText = isInbound
      ? visibleReply(email.text ?? "")
      : (email.text ?? "");
    const intent = isInbound
      ? detectIntent(visibleText, email.createdAt, shop.timeZone)
      : null;

    return {
      ...email,
      visibleText,
      intent: intent && {
        ...intent,
        isApplied:
          (intent.kind === "unsubscribe" &&
            suppressed.has(email.fromAddress.toLowerCase())) ||
          (intent.kind === "sold" && sold.has(email.vehicleId ?? 0)),
      },
    };
  });
}

async function suppressedAmong(services: Services, addresses: string[]) {
  const rows = await services.db.prisma.suppression.findMany({
    where: {
      email: { in: [...new Set(addresses.map((a) => a.toLowerCase()))] },
    },
    select: { email: true },
  });

  return new Set(rows.map((row) => row.email));
}

async function soldAmong(services: Services, vehicleIds: number[]) {
  const rows = await services.db.prisma.vehicle.findMany({
    where: { id: { in: [...new Set(vehicleIds)] }, status: { not: "ACTIVE" } },
    select: { id: true },
  });

  return new Set(rows.map((row) => row.id));
}
