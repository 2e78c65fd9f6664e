import { fileURLToPath } from "node:url";

import {
  appRouter,
  createApiToken,
  createCallerFactory,
  createContextFactory,
  createDispatcher,
  createEventBus,
  createSimulatedProvider,
  createUser,
  type Actor,
  type Services,
} from "@rally/api";
import { createRallyClient } from "@rally/client/node";
import { createTestDatabase } from "@rally/db/testing";
import {
  createRallyServer,
  defaultWorkers,
  startWorkers,
  stopWorkers,
  type RallyServer,
  type Worker,
} from "@rally/server";
import { createRunningTestClock, type TestClock } from "@rally/server/testing";
import pino from "pino";

/** Where `vite build` (run once by the global setup) puts the console. */
export const webDir = fileURLToPath(new URL("../../dist", import.meta.url));

const admin: Actor = { kind: "system", id: null, role: "ADMIN" };

/** The staff member the browser signs in as. */
export const consoleUser = {
  email: "advisor@rally.test",
  password: "correct horse battery staple",
} as const;

async function openServices(): Promise<Services & { clock: TestClock }> {
  const db = await createTestDatabase();
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const events = createEventBus(db, logger);
  await events.start();

  return {
    db,
    // Session cookies expire and the simulated provider reports back by
    // this clock, so it runs from the real now; tests may jump it ahead.
    clock: createRunningTestClock(),
    logger,
    events,
    secret: "test-secret-not-for-production",
    publicUrl: "http://rally.test",
  };
}

/**
 * The product's email dispatcher with the simulated provider, which
 * reports each email delivered through the server's signed webhook, as a
 * provider does, a moment after accepting it.
 */
async function startEmail(services: Services, url: string) {
  const provider = createSimulatedProvider({
    webhookUrl: `${url}/webhooks/email/simulated`,
    secret: services.secret,
    clock: services.clock,
    shares: { delivered: 1, bounced: 0, failed: 0, complained: 0 },
    delayMs: { min: 200, max: 800 },
  });
  const dispatcher = createDispatcher(services, {
    provider,
    ratePerSecond: 1_000,
  });
  await dispatcher.start();

  return async () => {
    await dispatcher.stop();
    await provider.close();
  };
}

export interface ConsoleServerOptions {
  /** Runs the background workers (the scheduler) as a server process does. */
  withWorkers?: boolean;
  /** Runs the email dispatcher, so campaigns send and deliver. */
  sendsEmail?: boolean;
}

/**
 * The real server over a fresh database, serving the built console, and a
 * typed client for the test to change things behind the browser's back.
 * The server can go away and come back on the same port, as in a deploy,
 * while its database and event log stay.
 */
export async function startConsoleServer(options: ConsoleServerOptions = {}) {
  const services = await openServices();
  const workers: Worker[] = [];
  if (options.withWorkers) {
    await startWorkers(services, "all", defaultWorkers({}), workers);
  }
  const serve = () => createRallyServer({ services, webDir });
  let server: RallyServer | null = serve();
  const url = await server.listen(0, "127.0.0.1");
  const stopEmail = options.sendsEmail
    ? await startEmail(services, url)
    : async () => {};
  const user = await createUser(services.db, {
    ...consoleUser,
    name: "Service Advisor",
    role: "ADMIN",
  });
  const { token } = await createApiToken(services.db, {
    name: "browser tests",
    role: "ADMIN",
    createdById: user.id,
  });
  const client = createRallyClient({ url, token });
  const makeContext = createContextFactory(services);

  return {
    url,
    client,
    /** What the server runs on, for tests that sign webhooks or start workers. */
    services,
    /** Calls procedures in process, so changes happen while the server is away. */
    caller: createCallerFactory(appRouter)(makeContext("e2e", admin)),
    /**
     * Moves the test clock on to `at`. The scheduler sleeps on a real
     * timer, so it is woken as that timer would wake it then.
     */
    async advanceClockTo(at: Date) {
      const now = services.clock.now().getTime();
      services.clock.set(new Date(Math.max(now, at.getTime())));
      await services.db.sql.query("SELECT pg_notify('rally_schedules', '')");
    },
    async stop() {
      const running = server;
      server = null;
      if (!running) {
        return;
      }
      // A process that goes away drops its open connections; waiting for
      // the browser to let go of a busy keep-alive one could take minutes.
      const closed = running.close();
      const dropper = setInterval(
        () => running.httpServer.closeAllConnections(),
        20,
      );
      try {
        await closed;
      } finally {
        clearInterval(dropper);
      }
    },
    async resume() {
      server = serve();
      await server.listen(Number(new URL(url).port), "127.0.0.1");
    },
    async close() {
      await stopWorkers(workers, services.logger);
      client.close();
      await stopEmail();
      await server?.close();
      await services.events.stop();
      await services.db.close();
    },
  };
}

export type ConsoleServer = Awaited<ReturnType<typeof startConsoleServer>>;
