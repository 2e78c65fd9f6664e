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
 * commit order and a reader that has seen id N never later finds an N-1;
 * resuming from an id and the bus reading "everything after N" rely on it.
 * The cost is that event-producing transactions commit one at a time from
 * here to their commit, so record events as the last step of a
 * transaction. The alternative (reading only ids below the oldest open
 * writer, as logical-replication readers do) needs no lock but delays every
 * event behind the slowest writer and needs catalogue queries per read.
 *
 * The notification carries no payload: every listener reads the new rows
 * itself, so the 8,000-byte NOTIFY limit never applies.
 *
 * The rows go in as one statement over a JSON array whatever their number,
 * so the dispatcher's thousand-row batches cost one round trip too.
 */
export async function recordEvents(
  tx: Prisma.TransactionClient,
  events: DomainEventInput[],
) {
  if (events.length === 0) {
    return;
  }
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${EVENT_WRITE_LOCK})`;
  // One statement, ids in the order given: the rows come out of the JSON
  // array in order, and each takes the next id as it is inserted.
  const rows = JSON.stringify(
    events.map((event) => ({
      type: event.type,
      campaign_id: event.campaignId ?? null,
      thread_id: event.threadId ?? null,
      payload: event.payload,
    })),
  );
  await tx.$executeRaw`
    WITH written AS (
      INSERT INTO domain_events (type, campaign_id, thread_id, payload)
      SELECT e.row->>'type', (e.row->>'campaign_id')::int,
        (e.row->>'thread_id')::int, e.row->'payload'
      FROM jsonb_array_elements(${rows}::jsonb) WITH ORDINALITY AS e(row, n)
      ORDER BY e.n
      RETURNING 1
    )
    SELECT pg_notify(${EVENTS_CHANNEL}, '')`;
}
