import type { EventBus, EventListener } from "../src/events/bus.ts";
import { matchesFilter } from "../src/events/filter.ts";
import type { Scheduler } from "../src/events/scheduler.ts";
import type { DomainEventInput, StoredEvent } from "../src/events/types.ts";

/** An in-memory event log with the bus's contract, for stream tests. */
export function createFakeBus() {
  const log: StoredEvent[] = [];
  const listeners = new Set<EventListener>();
  let nextId = 1;

  const bus: EventBus = {
    start: async () => {},
    stop: async () => {},
    subscribe(listener) {
      listeners.add(listener);

      return () => listeners.delete(listener);
    },
    readAfter: async (afterId, limit, filter = {}) =>
      log
        .filter((e) => BigInt(e.id) > BigInt(afterId))
        .filter((e) => matchesFilter(filter, e))
        .slice(0, limit),
    latestId: async () => log.at(-1)?.id ?? "0",
    oldestId: async () => log[0]?.id ?? null,
    lastSeenId: () => log.at(-1)?.id ?? "0",
    prune: async () => 0,
  };

  return {
    bus,
    listenerCount: () => listeners.size,
    publish(...inputs: DomainEventInput[]) {
      const events = inputs.map((input) => ({
        id: String(nextId++),
        type: input.type,
        campaignId: input.campaignId ?? null,
        threadId: input.threadId ?? null,
        payload: input.payload,
        createdAt: new Date(0),
      }));
      log.push(...events);
      for (const event of events) {
        for (const listener of listeners) {
          listener(event);
        }
      }

      return events;
    },
    /** Drops the log's oldest events, as retention does. */
    dropOldest(count: number) {
      log.splice(0, count);
    },
  };
}

/** A scheduler whose time moves only when the test says so. */
export function createManualScheduler() {
  let now = 0;
  const timers = new Set<{ at: number; run: () => void }>();
  const scheduler: Scheduler = {
    now: () => now,
    after(ms, run) {
      const timer = { at: now + ms, run };
      timers.add(timer);

      return () => timers.delete(timer);
    },
  };

  return {
    scheduler,
    advance(ms: number) {
      now += ms;
      for (const timer of [...timers]) {
        if (timer.at <= now) {
          timers.delete(timer);
          timer.run();
        }
      }
    },
  };
}

export function progress(campaignId: number, sent: number): DomainEventInput {
  return {
    type: "campaign.progress",
    campaignId,
    payload: { campaignId, counts: { SENT: sent } },
  };
}

export function emailStatus(campaignId: number, emailId: number) {
  return {
    type: "email.status",
    campaignId,
    payload: { emailId, campaignId, from: "QUEUED", to: "SENT" },
  } satisfies DomainEventInput;
}
