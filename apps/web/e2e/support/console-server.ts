import { fileURLToPath } from "node:url";

import { createEventBus, type Actor, type Services } from "@rally/api";
import { createRallyClient } from "@rally/client/node";
import { createTestDatabase } from "@rally/db/testing";
import { createRallyServer } from "@rally/server";
import { createTestClock } from "@rally/server/testing";
import pino from "pino";

/** Where `vite build` (run once by the global setup) puts the console. */
export const webDir = fileURLToPath(new URL("../../dist", import.meta.url));

async function actAsAdmin(): Promise<Actor> {
  return { kind: "system", id: null, role: "ADMIN" };
}

/**
 * The real server over a fresh database, serving the built console, and a
 * typed client for the test to change things behind the browser's back.
 */
export async function startConsoleServer() {
  const db = await createTestDatabase();
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const events = createEventBus(db, logger);
  await events.start();
  const services: Services = {
    db,
    clock: createTestClock(),
    logger,
    events,
    secret: "test-secret-not-for-production",
    publicUrl: "http://rally.test",
  };
  const server = createRallyServer({
    services,
    webDir,
    authenticate: actAsAdmin,
  });
  const url = await server.listen(0, "127.0.0.1");
  const client = createRallyClient({ url });

  return {
    url,
    client,
    async close() {
      client.close();
      await server.close();
      await events.stop();
      await db.close();
    },
  };
}

export type ConsoleServer = Awaited<ReturnType<typeof startConsoleServer>>;
