import type { Database } from "@rally/db";

import { filterSql, type EventFilter } from "./filter.ts";
import type { DomainEventType, StoredEvent } from "./types.ts";

interface EventRow {
  id: string;
  type: DomainEventType;
  campaign_id: number | null;
  thread_id: number | null;
  payload: Record<string, unknown>;
  created_at: Date;
}

/** Events after `afterId` that match, oldest first, at most `limit`. */
export async function readEventsAfter(
  db: Database,
  afterId: string,
  limit: number,
  filter: EventFilter = {},
) {
  const where = filterSql(filter, 3);
  // Ordered by the bigint column: the text alias would sort "10" first.
  const rows = await db.sql.query<EventRow>(
    `SELECT id::text AS id, type, campaign_id, thread_id, payload, created_at
     FROM domain_events WHERE id > $1::bigint${where.sql}
     ORDER BY domain_events.id LIMIT $2`,
    [afterId, limit, ...where.params],
  );

  return rows.map(toStoredEvent);
}

/** The id of the newest event, or "0" when the log is empty. */
export async function latestEventId(db: Database) {
  const rows = await db.sql.query<{ id: string | null }>(
    "SELECT max(id)::text AS id FROM domain_events",
  );

  return rows[0]?.id ?? "0";
}

/** The oldest event still kept, or null when the log is empty. */
export async function oldestEventId(db: Database) {
  const rows = await db.sql.query<{ id: string | null }>(
    "SELECT min(id)::text AS id FROM domain_events",
  );

  return rows[0]?.id ?? null;
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    id: row.id,
    type: row.type,
    campaignId: row.campaign_id,
    threadId: row.thread_id,
    payload: row.payload,
    createdAt: new Date(row.created_at),
  };
}
