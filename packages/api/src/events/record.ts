import type { Prisma } from "@rally/db";

import type { DomainEventInput } from "./types.ts";

export const EVENTS_CHANNEL = "rally_events";

/** Any fixed number: serialises event writers so ids follow commit order. */
export const EVENT_WRITE_LOCK = 72_617_020;

/**
 * Writes events in the caller's transaction. NOTIFY is transactional in
 * PostgreSQL: listeners hear of the events only once the change commits,
 * and never when it rolls back.
 *
 * Event writers take a transaction-scoped lock so that ids are assigned in
 * commit order and a reader that has seen id N never later finds an N-1.
 * The cost is that event-producing transactions commit one at a time.
 */
export async function recordEvents(
  tx: Prisma.TransactionClient,
  events: DomainEventInput[],
) {
  if (events.length === 0) {
    return;
  }
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${EVENT_WRITE_LOCK})`;
  await tx.domainEvent.createMany({
    data: events.map((event) => ({
      type: event.type,
      campaignId: event.campaignId ?? null,
      threadId: event.threadId ?? null,
      payload: event.payload as Prisma.InputJsonValue,
    })),
  });
  await tx.$executeRaw`SELECT pg_notify(${EVENTS_CHANNEL}, '')`;
}
