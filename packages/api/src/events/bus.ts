import type { Database } from "@rally/db";
import type { Logger } from "pino";

import { systemClock, type Clock } from "../clock.ts";
import { latestEventId, oldestEventId, readEventsAfter } from "./event-log.ts";
import type { EventFilter } from "./filter.ts";
import { EVENTS_CHANNEL } from "./record.ts";
import { createPruner, RETENTION_DAYS } from "./retention.ts";
import type { StoredEvent } from "./types.ts";

export type EventListener = (event: StoredEvent) => void;

/**
 * The one campaign or thread a listener cares about, if any. The bus hands
 * such a listener only that campaign's or thread's events, so fanning an
 * event out costs its own subscribers, not every subscription in the
 * process.
 */
export interface ListenerScope {
  campaignId?: number | undefined;
  threadId?: number | undefined;
}

/**
 * The process's view of the event log. One LISTEN per process; on each
 * notification it reads what is new from `domain_events` and fans it out
 * to local subscribers in id order.
 */
export interface EventBus {
  start(): Promise<void>;
  /** Hands `listener` every event, or at least those in `scope`. */
  subscribe(listener: EventListener, scope?: ListenerScope): () => void;
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

const READ_BATCH = 1_000;
const HOUR_MS = 3_600_000;

export function createEventBus(
  db: Database,
  logger: Logger,
  options: EventBusOptions = {},
): EventBus {
  const pruner = createPruner(db, logger, {
    clock: options.clock ?? systemClock,
    retentionDays: options.retentionDays ?? RETENTION_DAYS,
    everyMs: options.pruneEveryMs ?? HOUR_MS,
  });
  const listeners = createListenerIndex();
  let lastSeen = "0";
  let draining: Promise<void> | undefined;
  let isDrainWanted = false;
  let isStopped = false;
  let unlisten: (() => void) | undefined;

  async function drain() {
    do {
      isDrainWanted = false;
      let batch: StoredEvent[];
      do {
        batch = await readEventsAfter(db, lastSeen, READ_BATCH);
        for (const event of batch) {
          lastSeen = event.id;
          options.onDeliver?.(event);
          fanOut(event);
        }
      } while (batch.length === READ_BATCH);
    } while (isDrainWanted);
    if (!isStopped) {
      pruner.pruneWhenDue();
    }
  }

  function fanOut(event: StoredEvent) {
    for (const scoped of listeners.of(event)) {
      for (const listener of scoped) {
        try {
          listener(event);
        } catch (error) {
          // One broken subscription must not starve the others.
          logger.error({ err: error, eventId: event.id }, "listener failed");
        }
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

  return {
    async start() {
      lastSeen = await latestEventId(db);
      unlisten = await db.notifier.listen(EVENTS_CHANNEL, requestDrain);
      // Whatever committed between reading the newest id and listening
      // would otherwise wait for the next notification.
      requestDrain();
    },
    subscribe: (listener, scope) => listeners.add(listener, scope),
    readAfter: (afterId, limit, filter) =>
      readEventsAfter(db, afterId, limit, filter),
    latestId: () => latestEventId(db),
    oldestId: () => oldestEventId(db),
    lastSeenId: () => lastSeen,
    prune: pruner.prune,
    async stop() {
      isStopped = true;
      unlisten?.();
      listeners.clear();
      await draining;
      await pruner.settled();
    },
  };
}

/** Listeners kept by the campaign or thread they are scoped to. */
function createListenerIndex() {
  const everything = new Set<EventListener>();
  const byCampaign = new Map<number, Set<EventListener>>();
  const byThread = new Map<number, Set<EventListener>>();

  function addTo(
    index: Map<number, Set<EventListener>>,
    key: number,
    listener: EventListener,
  ) {
    const listeners = index.get(key) ?? new Set<EventListener>();
    index.set(key, listeners);
    listeners.add(listener);

    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && index.get(key) === listeners) {
        index.delete(key);
      }
    };
  }

  return {
    add(listener: EventListener, scope: ListenerScope = {}) {
      if (scope.campaignId !== undefined) {
        return addTo(byCampaign, scope.campaignId, listener);
      }
      if (scope.threadId !== undefined) {
        return addTo(byThread, scope.threadId, listener);
      }
      everything.add(listener);

      return () => {
        everything.delete(listener);
      };
    },
    /** The unscoped listeners, then those of the event's campaign and thread. */
    of(event: StoredEvent) {
      const sets = [everything];
      const forCampaign =
        event.campaignId === null
          ? undefined
          : byCampaign.get(event.campaignId);
      const forThread =
        event.threadId === null ? undefined : byThread.get(event.threadId);
      if (forCampaign) {
        sets.push(forCampaign);
      }
      if (forThread) {
        sets.push(forThread);
      }

      return sets;
    },
    clear() {
      everything.clear();
      byCampaign.clear();
      byThread.clear();
    },
  };
}
