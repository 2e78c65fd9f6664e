import {
  recordEvents,
  type DomainEventInput,
  type StreamItem,
} from "@rally/api";
import type { Database } from "@rally/db";
import WebSocket from "ws";

export interface Received {
  id: string;
  item: StreamItem;
}

interface Handlers {
  onStarted: () => void;
  onData: (value: { id: string; data: StreamItem }) => void;
  onError: (error: unknown) => void;
}

/**
 * Records what one subscription receives and lets a test wait for a
 * condition on it, failing on a subscription error or after a timeout.
 */
export function collect(
  start: (handlers: Handlers) => { unsubscribe(): void },
) {
  const received: Received[] = [];
  const checks = new Set<() => void>();
  let failure: unknown;
  let markStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  const subscription = start({
    onStarted: () => markStarted(),
    onData: ({ id, data }) => {
      received.push({ id, item: data });
      checks.forEach((check) => check());
    },
    onError: (error) => {
      failure = error;
      checks.forEach((check) => check());
    },
  });

  function until(
    isDone: (received: Received[]) => boolean,
    timeoutMs = 10_000,
  ) {
    return new Promise<Received[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        checks.delete(check);
        reject(new Error(`timed out with ${received.length} received`));
      }, timeoutMs);
      function check() {
        if (failure !== undefined || isDone(received)) {
          clearTimeout(timer);
          checks.delete(check);
          failure === undefined ? resolve(received) : reject(failure);
        }
      }
      checks.add(check);
      check();
    });
  }

  return {
    received,
    started,
    until,
    /** The error the subscription failed with. */
    failed: () =>
      until(() => false).then(
        () => undefined,
        (error: unknown) => error,
      ),
    stop: () => subscription.unsubscribe(),
  };
}

/** The events a subscription received, without refetch markers. */
export function eventsOf(received: Received[]) {
  return received.flatMap(({ item }) =>
    item.kind === "events" ? item.events : [],
  );
}

export function labelsOf(received: Received[]) {
  return eventsOf(received).map((event) => event.payload.label);
}

export async function commitEvents(db: Database, events: DomainEventInput[]) {
  // A loaded CI machine can take longer than Prisma's 5 s default.
  await db.prisma.$transaction(
    async (tx) => {
      await recordEvents(tx, events);
    },
    { timeout: 30_000 },
  );
}

export async function latestEventId(db: Database) {
  const rows = await db.sql.query<{ id: string | null }>(
    "SELECT max(id)::text AS id FROM domain_events",
  );

  return rows[0]?.id ?? "0";
}

export function statusEvent(campaignId: number, emailId: number) {
  return {
    type: "email.status",
    campaignId,
    payload: { emailId, campaignId, from: "QUEUED", to: "SENT" },
  } satisfies DomainEventInput;
}

/** A ws WebSocket the test can reach, to cut the connection. */
export function socketTracker() {
  const sockets: WebSocket[] = [];
  class TrackedSocket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      sockets.push(this);
    }
  }

  return {
    WebSocket: TrackedSocket as unknown as typeof globalThis.WebSocket,
    sockets,
  };
}
