import {
  createRallyClient,
  TRPCClientError,
  type AppRouter,
  type RallyClient,
} from "@rally/client/node";
import { createTestDatabase } from "@rally/db/testing";
import type { Clock, Role } from "@rally/api";
import {
  createApiToken,
  createEventBus,
  createUser,
  type EmailProvider,
  type Services,
} from "@rally/api";
import pino from "pino";

import { createRallyServer } from "./app.ts";
import { createMetrics } from "./metrics.ts";

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
 * A test clock that runs with real time from `start`, as a deployed
 * server's does; `set` and `advance` jump it. For tests where time must
 * pass on its own (a browser session, a provider reporting back) and may
 * also be moved ahead.
 */
export function createRunningTestClock(start = new Date()): TestClock {
  let offset = start.getTime() - Date.now();

  return {
    now: () => new Date(Date.now() + offset),
    set: (date) => {
      offset = date.getTime() - Date.now();
    },
    advance: (ms) => {
      offset += ms;
    },
  };
}

export const testAdmin = {
  email: "admin@rally.test",
  password: "test admin password",
} as const;

export interface TestServerOptions {
  clock?: Clock;
  /** The role of `client`'s API token; ADMIN by default. */
  role?: Role;
  /** Where customers reach Rally; http://rally.test by default. */
  publicUrl?: string;
  /** The provider test sends go through; none by default. */
  emailProvider?: EmailProvider;
}

/**
 * The real server on an ephemeral port over a fresh database, with a typed
 * client connected to it over HTTP and WebSocket. The database holds one
 * admin (`testAdmin`); `client` calls with an API token issued by them.
 */
export async function startTestServer(options: TestServerOptions = {}) {
  const db = await createTestDatabase();
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const metrics = createMetrics(db, logger);
  const events = createEventBus(db, logger, {
    onDeliver: metrics.eventDelivered,
  });
  await events.start();
  const clock = options.clock ?? createTestClock();
  const services: Services = {
    db,
    clock,
    logger,
    events,
    secret: "test-secret-not-for-production",
    publicUrl: options.publicUrl ?? "http://rally.test",
    observer: metrics.observer,
    emailProvider: options.emailProvider,
  };
  const server = createRallyServer({ services, metrics });
  const url = await server.listen(0, "127.0.0.1");
  const admin = await createUser(db, {
    ...testAdmin,
    name: "Test Admin",
    role: "ADMIN",
  });
  const clients: RallyClient[] = [];
  const track = (client: RallyClient) => {
    clients.push(client);

    return client;
  };
  /** A fresh API token for `role`, issued by the test admin. */
  const tokenFor = async (role: Role, name = `test ${role.toLowerCase()}`) =>
    (await createApiToken(db, { name, role, createdById: admin.id })).token;
  const client = track(
    createRallyClient({ url, token: await tokenFor(options.role ?? "ADMIN") }),
  );

  return {
    url,
    db,
    clock,
    services,
    client,
    admin,
    metrics,
    tokenFor,
    /** A typed client calling with a new token for `role`. */
    clientFor: async (role: Role) =>
      track(createRallyClient({ url, token: await tokenFor(role) })),
    /** A typed client calling with `token`, or with none at all. */
    clientWith: (token?: string) => track(createRallyClient({ url, token })),
    anonymousClient: () => track(createRallyClient({ url })),
    async close() {
      for (const each of clients) {
        each.close();
      }
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

/** Signs a body for POST /webhooks/inbound, as the inbound mail service does. */
export { signInbound } from "./http/inbound/signature.ts";
