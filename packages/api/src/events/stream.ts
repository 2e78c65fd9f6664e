import { tracked } from "@trpc/server";

import type { EventBus } from "./bus.ts";
import {
  compareIds,
  createProgressCoalescer,
  type ProgressCoalescer,
} from "./coalesce.ts";
import { matchesFilter, type EventFilter } from "./filter.ts";
import { openInbox, type Inbox } from "./inbox.ts";
import { realScheduler, type Scheduler } from "./scheduler.ts";
import type { StoredEvent } from "./types.ts";

export { MAX_BUFFERED } from "./inbox.ts";

/** What the host knows about the socket a stream writes to. */
export interface StreamSocket {
  /** Bytes sent to the client but not yet written out. */
  pendingBytes(): number;
}

export interface StreamOptions {
  bus: EventBus;
  signal: AbortSignal | undefined;
  /** The last id the client saw; it receives everything after it. */
  lastEventId?: string | null | undefined;
  filter?: EventFilter | undefined;
  /** A further test on top of `filter`, in memory only. */
  matches?: ((event: StoredEvent) => boolean) | undefined;
  transport?: StreamSocket | undefined;
  scheduler?: Scheduler | undefined;
}

/** Replaying more matching events than this tells the client to refetch. */
export const MAX_REPLAY = 10_000;
/** Unsent bytes on a socket that mark its client as too slow. */
export const MAX_PENDING_BYTES = 1_048_576;
/** A slow client's socket counts as caught up below this. */
export const DRAINED_BYTES = 65_536;
/** Events in one item at most; what is ready beyond waits for the next. */
export const MAX_BATCH = 100;
const DRAIN_CHECK_MS = 50;
const REPLAY_PAGE = 500;

/**
 * What a subscription sends: the events ready for it, oldest first, or a
 * marker that it must refetch. Events that arrive together travel in one
 * message, so a burst costs one frame per client instead of one per event.
 */
export type StreamItem =
  | { kind: "events"; events: StoredEvent[] }
  | { kind: "refetch"; reason: "gap-too-old" | "slow-consumer" };

interface StreamState {
  options: StreamOptions;
  inbox: Inbox;
  coalescer: ProgressCoalescer;
  scheduler: Scheduler;
  isWanted(event: StoredEvent): boolean;
  /** The newest id handled: sent, held by the coalescer, or skipped. */
  cursor: string;
  /** Held progress updates whose window has closed, to send next. */
  due: StoredEvent[];
}

/**
 * A resumable event stream for one subscription: subscribe to live events
 * first, then replay from the log, so nothing falls between the two.
 *
 * Each item's tracked id is where a reconnecting client resumes. While a
 * progress update is held back for coalescing, that id stays below it, so
 * a client that drops in that moment gets it on resume; the price is that
 * events after it may arrive twice around a reconnect (dedupe on event.id).
 */
export async function* eventStream(options: StreamOptions) {
  const filter = options.filter ?? {};
  const isWanted = (event: StoredEvent) =>
    matchesFilter(filter, event) && (options.matches?.(event) ?? true);
  const inbox = openInbox(options.bus, isWanted, options.signal, {
    campaignId: filter.campaignId,
    threadId: filter.threadId,
  });
  const scheduler = options.scheduler ?? realScheduler;
  const state: StreamState = {
    options,
    inbox,
    scheduler,
    coalescer: createProgressCoalescer(scheduler, inbox.notify),
    isWanted,
    cursor: options.lastEventId ?? options.bus.lastSeenId(),
    due: [],
  };

  try {
    if (options.lastEventId) {
      yield* replay(state, options.lastEventId);
    }
    while (!options.signal?.aborted) {
      if (inbox.isOverflowed()) {
        yield await refetchAfterDrain(state);
        continue;
      }
      const events = takeReady(state);
      const newest = events.at(-1);
      if (!newest) {
        await inbox.wait();
        continue;
      }
      if (isCongested(state)) {
        inbox.overflow(newest.id);
        continue;
      }
      yield tracked(resumeId(state), batch(events));
    }
  } finally {
    state.coalescer.clear();
    inbox.close();
  }
}

/**
 * What is ready to send now, at most MAX_BATCH: held progress whose window
 * has closed first, then live events.
 */
function takeReady(state: StreamState) {
  state.due.push(...state.coalescer.takeDue());
  const events = state.due.splice(0, MAX_BATCH);
  while (events.length < MAX_BATCH) {
    const event = nextLive(state);
    if (!event) {
      break;
    }
    events.push(event);
  }

  return events;
}

/** The next live event to send now, skipping those already handled. */
function nextLive(state: StreamState): StoredEvent | undefined {
  for (;;) {
    const event = state.inbox.shift();
    if (!event) {
      return undefined;
    }
    if (compareIds(event.id, state.cursor) <= 0) {
      continue;
    }
    state.cursor = event.id;
    if (state.coalescer.admit(event)) {
      return event;
    }
  }
}

/** Sends what the client missed, or a refetch marker when that is gone. */
async function* replay(state: StreamState, lastEventId: string) {
  const { bus } = state.options;
  if (await isGapTooOld(bus, lastEventId)) {
    state.cursor = await bus.latestId();
    yield tracked(state.cursor, refetch("gap-too-old"));

    return;
  }
  let sent = 0;
  for (;;) {
    const page = await bus.readAfter(
      state.cursor,
      REPLAY_PAGE,
      state.options.filter,
    );
    let events: StoredEvent[] = [];
    for (const event of page) {
      if (sent >= MAX_REPLAY) {
        if (yield* flush(state, events)) {
          state.cursor = await bus.latestId();
          yield tracked(state.cursor, refetch("gap-too-old"));
        }

        return;
      }
      state.cursor = event.id;
      sent += 1;
      if (state.isWanted(event) && state.coalescer.admit(event)) {
        events.push(event);
      }
      if (events.length === MAX_BATCH) {
        if (!(yield* flush(state, events))) {
          return;
        }
        events = [];
      }
    }
    if (!(yield* flush(state, events)) || page.length < REPLAY_PAGE) {
      return;
    }
  }
}

/**
 * Sends replayed events as one item; false when the client is too slow to
 * take it, and the stream is to tell it to refetch instead.
 */
async function* flush(state: StreamState, events: StoredEvent[]) {
  const newest = events.at(-1);
  if (!newest) {
    return true;
  }
  if (isCongested(state)) {
    state.inbox.overflow(newest.id);

    return false;
  }
  yield tracked(resumeId(state), batch(events));

  return true;
}

/**
 * Whether events after `lastEventId` may have been pruned, or the id is
 * not one this log ever issued (a reset database). Pruning keeps every id
 * above some point and always the newest event, so anything below the
 * oldest kept id but its direct predecessor may be gone.
 */
async function isGapTooOld(bus: EventBus, lastEventId: string) {
  const [oldest, latest] = await Promise.all([bus.oldestId(), bus.latestId()]);
  const last = BigInt(lastEventId);
  if (last > BigInt(latest)) {
    return true;
  }

  return oldest !== null && last + 1n < BigInt(oldest);
}

/**
 * Waits for a slow client's socket to drain, then tells it to refetch.
 * The marker's id covers everything dropped, so the client resumes after
 * what its refetch already shows.
 */
async function refetchAfterDrain(state: StreamState) {
  const { options, scheduler } = state;
  while (isAboveDrained(options) && !options.signal?.aborted) {
    await pause(scheduler, DRAIN_CHECK_MS, options.signal);
  }
  state.coalescer.clear();
  state.due.length = 0;
  // Everything the bus has fanned out is either dropped here or already in
  // the database the client is about to refetch from.
  for (const id of [state.inbox.takeDropped(), options.bus.lastSeenId()]) {
    if (id !== undefined && compareIds(id, state.cursor) > 0) {
      state.cursor = id;
    }
  }

  return tracked(state.cursor, refetch("slow-consumer"));
}

function isCongested(state: StreamState) {
  const pending = state.options.transport?.pendingBytes() ?? 0;

  return pending > MAX_PENDING_BYTES;
}

function isAboveDrained(options: StreamOptions) {
  return (options.transport?.pendingBytes() ?? 0) > DRAINED_BYTES;
}

function pause(scheduler: Scheduler, ms: number, signal?: AbortSignal) {
  return new Promise<void>((resolve) => {
    const cancel = scheduler.after(ms, done);
    signal?.addEventListener("abort", done, { once: true });
    function done() {
      cancel();
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });
}

/** Where a client resumes: below any update still held back. */
function resumeId(state: StreamState) {
  const held = state.coalescer.oldestHeldId();

  return held === undefined ? state.cursor : String(BigInt(held) - 1n);
}

function batch(events: StoredEvent[]): StreamItem {
  return { kind: "events", events };
}

function refetch(reason: "gap-too-old" | "slow-consumer"): StreamItem {
  return { kind: "refetch", reason };
}
