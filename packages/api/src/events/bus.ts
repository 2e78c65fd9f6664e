import type { Database } from "@rally/db";
import type { Logger } from "pino";

import { EVENTS_CHANNEL } from "./record.ts";
import type { DomainEventType, StoredEvent } from "./types.ts";

export type EventListener = (event: StoredEvent) => void;

/**
 * The process's view of the event log. One LISTEN per process; on each
 * notification it reads what is new from `domain_events` and fans it out
 * to local subscribers in id order.
 */
export interface EventBus {
  start(): Promise<void>;
  subscribe(listener: EventListener): () => void;
  /** Events after `afterId`, oldest first, at most `limit`. */
  readAfter(afterId: string, limit: number): Promise<StoredEvent[]>;
  /** The id of the newest event, or "0" when there is none. */
  latestId(): Promise<string>;
  stop(): Promise<void>;
}

interface EventRow {
  id: string;
  type: DomainEventType;
  campaign_id: number | null;
  thread_id: number | null;
  payload: Record<string, unknown>;
  created_at: Date;
}

const READ_BATCH = 1_000;

export function createEventBus(db: Database, logger: Logger): EventBus {
  const listeners = new Set<EventListener>();
  let lastSeen = "0";
  let draining: Promise<void> | undefined;
  let isDrainWanted = false;
  let unlisten: (() => void) | undefined;

  async function readAfter(afterId: string, limit: number) {
    // Order by the column, not the text alias: as text, "10" sorts before "7".
    const rows = await db.sql.query<EventRow>(
      `SELECT id::text AS id, type, campaign_id, thread_id, payload, created_at
       FROM domain_events WHERE id > $1::bigint
       ORDER BY domain_events.id LIMIT $2`,
      [afterId, limit],
    );

    return rows.map(toStoredEvent);
  }

  async function drain() {
    do {
      isDrainWanted = false;
      let batch: StoredEvent[];
      do {
        batch = await readAfter(lastSeen, READ_BATCH);
        for (const event of batch) {
          lastSeen = event.id;
          for (const listener of listeners) {
            listener(event);
          }
        }
      } while (batch.length === READ_BATCH);
    } while (isDrainWanted);
  }

  function onNotify() {
    if (draining) {
      isDrainWanted = true;

      return;
    }
    draining = drain()
      .catch((error: unknown) => {
        logger.error({ err: error }, "reading new events failed");
      })
      .finally(() => {
        draining = undefined;
      });
  }

  async function latestId() {
    const rows = await db.sql.query<{ id: string | null }>(
      "SELECT max(id)::text AS id FROM domain_events",
    );

    return rows[0]?.id ?? "0";
  }

  return {
    async start() {
      lastSeen = await latestId();
      unlisten = await db.notifier.listen(EVENTS_CHANNEL, onNotify);
    },
    subscribe(listener) {
      listeners.add(listener);

      return () => {
        listeners.delete(listener);
      };
    },
    readAfter,
    latestId,
    async stop() {
      unlisten?.();
      listeners.clear();
      await draining;
    },
  };
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
