import { tracked } from "@trpc/server";

import type { EventBus } from "./bus.ts";
import type { StoredEvent } from "./types.ts";

export interface StreamOptions {
  bus: EventBus;
  signal: AbortSignal | undefined;
  /** The last id the client saw; it receives everything after it. */
  lastEventId?: string | null | undefined;
  matches(event: StoredEvent): boolean;
}

/** Replaying more than this tells the client to refetch instead. */
export const MAX_REPLAY = 10_000;
/** Events queued for one slow client before it is told to refetch. */
export const MAX_BUFFERED = 5_000;

export type StreamItem =
  | { kind: "event"; event: StoredEvent }
  | { kind: "refetch"; reason: "gap-too-old" | "slow-consumer" };

/**
 * A resumable event stream for one subscription: subscribe to live events
 * first, then backfill from the log, so nothing falls between the two.
 */
export async function* eventStream(options: StreamOptions) {
  const { bus, signal, matches } = options;
  const queue: StoredEvent[] = [];
  let wake: (() => void) | undefined;
  let isOverflowed = false;

  const unsubscribe = bus.subscribe((event) => {
    if (queue.length >= MAX_BUFFERED) {
      isOverflowed = true;
      queue.length = 0;
    } else {
      queue.push(event);
    }
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener("abort", onAbort);

  try {
    let lastId = BigInt(options.lastEventId ?? (await bus.latestId()));
    if (options.lastEventId) {
      const missed = await bus.readAfter(options.lastEventId, MAX_REPLAY + 1);
      if (missed.length > MAX_REPLAY) {
        lastId = BigInt(await bus.latestId());
        yield tracked(String(lastId), refetch("gap-too-old"));
      } else {
        for (const event of missed) {
          lastId = BigInt(event.id);
          if (matches(event)) {
            yield tracked(event.id, item(event));
          }
        }
      }
    }
    while (!signal?.aborted) {
      if (isOverflowed) {
        isOverflowed = false;
        lastId = BigInt(await bus.latestId());
        yield tracked(String(lastId), refetch("slow-consumer"));
        continue;
      }
      const event = queue.shift();
      if (!event) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
        continue;
      }
      if (BigInt(event.id) <= lastId) {
        continue;
      }
      lastId = BigInt(event.id);
      if (matches(event)) {
        yield tracked(event.id, item(event));
      }
    }
  } finally {
    unsubscribe();
    signal?.removeEventListener("abort", onAbort);
  }
}

function item(event: StoredEvent): StreamItem {
  return { kind: "event", event };
}

function refetch(reason: "gap-too-old" | "slow-consumer"): StreamItem {
  return { kind: "refetch", reason };
}
