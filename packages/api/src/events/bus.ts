import type { Database } from "@rally/db";
import type { Logger } from "pino";

import { systemClock, type Clock } from "../clock.ts";
import { filterSql, type EventFilter } from "./filter.ts";
import { EVENTS_CHANNEL } from "./record.ts";
import { pruneEvents, RETENTION_DAYS } from "./retention.ts";
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
  /** Events after `afterId` that match, oldest first, at most `limit`. */
  readAfter(
    afterId: string,
    limit: number,
    filter?: EventFilter,
  ): Promise<StoredEvent[]>;
  /** The id of the newest event, or "0" when there is none. */
  latestId(): Promise<string>;
  /** The oldest event still kept, or null when the log is empty. */
  oldestId(): Promise<string | null>;
  /** The newest id this process has fanned out (no database round trip). */
  lastSeenId(): string;
  /** Deletes events past retention; returns how many went. */
  prune(): Promise<number>;
  stop(): Promise<void>;
}

export interface EventBusOptions {
  /** Decides when the next pruning is due. */
  clock?: Clock;
  retentionDays?: number;
  pruneEveryMs?: number;
  /** Hears each event as it is handed out, for delivery-latency metrics. */
  onDeliver?: ((event: StoredEvent) => void) | undefined;
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
const HOUR_MS = 3_600_000;

export function createEventBus(
  db: Database,
  logger: Logger,
  options: EventBusOptions = {},
): EventBus {
  const clock = options.clock ?? systemClock;
  const retentionDays = options.retentionDays ?? RETENTION_DAYS;
  const pruneEveryMs = options.pruneEveryMs ?? HOUR_MS;
  const listeners = new Set<EventListener>();
  let lastSeen = "0";
  let lastPrunedAt = -Infinity;
  let draining: Promise<void> | undefined;
  let pruning: Promise<number> | undefined;
  let isDrainWanted = false;
  let isStopped = false;
  let unlisten: (() => void) | undefined;

  async function readAfter(
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

  async function drain() {
    do {
      isDrainWanted = false;
      let batch: StoredEvent[];
      do {
        batch = await readAfter(lastSeen, READ_BATCH);
        for (const event of batch) {
          lastSeen = event.id;
          options.onDeliver?.(event);
          fanOut(event);
        }
      } while (batch.length === READ_BATCH);
    } while (isDrainWanted);
    pruneWhenDue();
  }

  function fanOut(event: StoredEvent) {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        // One broken subscription must not starve the others.
        logger.error({ err: error, eventId: event.id }, "listener failed");
      }
    }
  }

  function requestDrain() {
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

  function prune() {
    pruning ??= pruneEvents(db, retentionDays)
      .then((deleted) => {
        if (deleted > 0) {
          logger.info({ deleted, retentionDays }, "pruned old events");
        }

        return deleted;
      })
      .finally(() => {
        pruning = undefined;
      });

    return pruning;
  }

  function pruneWhenDue() {
    const now = clock.now().getTime();
    if (isStopped || now - lastPrunedAt < pruneEveryMs) {
      return;
    }
    lastPrunedAt = now;
    prune().catch((error: unknown) => {
      logger.error({ err: error }, "pruning old events failed");
    });
  }

  async function latestId() {
    const rows = await db.sql.query<{ id: string | null }>(
      "SELECT max(id)::text AS id FROM domain_events",
    );

    return rows[0]?.id ?? "0";
  }

  async function oldestId() {
    const rows = await db.sql.query<{ id: string | null }>(
      "SELECT min(id)::text AS id FROM domain_events",
    );

    return rows[0]?.id ?? null;
  }

  return {
    async start() {
      lastSeen = await latestId();
      unlisten = await db.notifier.listen(EVENTS_CHANNEL, requestDrain);
      // Whatever committed between reading the newest id and listening
      // would otherwise wait for the next notification.
      requestDrain();
    },
    subscribe(listener) {
      listeners.add(listener);

      return () => {
        listeners.delete(listener);
      };
    },
    readAfter,
    latestId,
    oldestId,
    lastSeenId: () => lastSeen,
    prune,
    async stop() {
      isStopped = true;
      unlisten?.();
      listeners.clear();
      await draining;
      await pruning?.catch(() => 0);
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
