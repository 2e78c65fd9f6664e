import type { EventBus, ListenerScope } from "./bus.ts";
import { compareIds } from "./coalesce.ts";
import type { StoredEvent } from "./types.ts";

/** Events queued for one slow client before it is told to refetch. */
export const MAX_BUFFERED = 5_000;

/**
 * One subscription's queue of live events. It subscribes at once, so
 * nothing committed during a replay is lost, and it never holds more than
 * MAX_BUFFERED events: past that it drops them, remembers how far it got,
 * and the stream sends a refetch marker instead.
 */
export function openInbox(
  bus: EventBus,
  isWanted: (event: StoredEvent) => boolean,
  signal: AbortSignal | undefined,
  scope?: ListenerScope,
) {
  const queue: StoredEvent[] = [];
  let wake: (() => void) | undefined;
  let droppedThrough: string | undefined;

  const notify = () => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  const unsubscribe = bus.subscribe((event) => {
    if (!isWanted(event)) {
      return;
    }
    if (droppedThrough !== undefined || queue.length >= MAX_BUFFERED) {
      overflow(event.id);
    } else {
      queue.push(event);
    }
    notify();
  }, scope);
  signal?.addEventListener("abort", notify);

  function overflow(throughId: string) {
    queue.length = 0;
    if (droppedThrough === undefined) {
      droppedThrough = throughId;
    } else if (compareIds(throughId, droppedThrough) > 0) {
      droppedThrough = throughId;
    }
  }

  return {
    shift: () => queue.shift(),
    /** Resolves when an event arrives, a timer fires or the stream aborts. */
    wait: () =>
      new Promise<void>((resolve) => {
        wake = resolve;
      }),
    notify,
    /** Drops what is queued; the client will be told to refetch. */
    overflow,
    /** The newest id dropped since the last call, if any were. */
    takeDropped() {
      const through = droppedThrough;
      droppedThrough = undefined;

      return through;
    },
    isOverflowed: () => droppedThrough !== undefined,
    close() {
      unsubscribe();
      signal?.removeEventListener("abort", notify);
      queue.length = 0;
    },
  };
}

export type Inbox = ReturnType<typeof openInbox>;
