import {
  createRallyClient,
  TRPCClientError,
  type AppRouter,
} from "@rally/client/node";
import { createTestDatabase } from "@rally/db/testing";
import type { Clock } from "@rally/api";
import { createEventBus, type Services } from "@rally/api";
import pino from "pino";

import { createRallyServer } from "./app.ts";
import { actAsLocalAdmin } from "./runtime.ts";

export interface TestClock extends Clock {
  set(date: Date): void;
  advance(ms: number): void;
}

export function createTestClock(start = new Date("2026-06-15T12:00:00Z")) {
  let current = start.getTime();
  const clock: TestClock = {
    now: () => new Date(current),
    set: (date) => {
      current = date.getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };

  return clock;
}

/**
 * The real server on an ephemeral port over a fresh database, with a typed
 * client connected to it over HTTP and WebSocket.
 */
export async function startTestServer(options: { clock?: Clock } = {}) {
  const db = await createTestDatabase();
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const events = createEventBus(db, logger);
  await events.start();
  const clock = options.clock ?? createTestClock();
  const services: Services = {
    db,
    clock,
    logger,
    events,
    secret: "test-secret-not-for-production",
    publicUrl: "http://rally.test",
  };
  const server = createRallyServer({ services, authenticate: actAsLocalAdmin });
  const url = await server.listen(0, "127.0.0.1");
  const client = createRallyClient({ url });

  return {
    url,
    db,
    clock,
    services,
    client,
    async close() {
      client.close();
      await server.close();
      await events.stop();
      await db.close();
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** The typed error a call fails with; fails the test when the call succeeds. */
export async function errorOf(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      return error as TRPCClientError<AppRouter>;
    }
    throw error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
