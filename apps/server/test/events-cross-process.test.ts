import { createEventBus, type Services } from "@rally/api";
import { createRallyClient } from "@rally/client/node";
import { openDatabase, type Database } from "@rally/db";
import { withDatabase } from "@rally/db/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createRallyServer } from "../src/app.ts";
import { startTestServer, type TestServer } from "../src/testing.ts";
import { collect, commitEvents, labelsOf } from "./event-helpers.ts";

const serverUrl = process.env.DATABASE_URL;
const logger = pino({ level: "silent" });
const cleanups: (() => Promise<void>)[] = [];

let serverA: TestServer;

beforeAll(async () => {
  serverA = await startTestServer();
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) {
    await cleanup();
  }
  await serverA?.close();
});

/**
 * On PostgreSQL, a separate connection pool and LISTEN connection to the
 * same database, as another process has; on PGlite, which one process
 * owns, the same database object.
 */
async function openPeerDatabase(): Promise<Database> {
  if (!serverUrl) {
    return serverA.db;
  }
  const rows = await serverA.db.sql.query<{ name: string }>(
    "SELECT current_database() AS name",
  );
  const db = await openDatabase({
    url: withDatabase(serverUrl, rows[0]!.name),
    maxConnections: 2,
  });
  cleanups.push(() => db.close());

  return db;
}

/** A second server, with its own event bus, over `db`. */
async function startServerB(db: Database) {
  const events = createEventBus(db, logger);
  await events.start();
  const services: Services = { ...serverA.services, db, events };
  const server = createRallyServer({ services });
  const url = await server.listen(0, "127.0.0.1");
  const client = createRallyClient({
    url,
    token: await serverA.tokenFor("VIEWER"),
  });
  cleanups.push(async () => {
    client.close();
    await server.close();
    await events.stop();
  });

  return client;
}

const crossing = serverUrl
  ? "reaches a client of server B from a commit through server A (LISTEN/NOTIFY)"
  : "reaches clients of two servers sharing one embedded database (in process)";

describe("events across servers", () => {
  it(crossing, async () => {
    const clientB = await startServerB(await openPeerDatabase());
    const onB = collect((h) => clientB.events.onAll.subscribe({}, h));
    const onA = collect((h) => serverA.client.events.onAll.subscribe({}, h));
    await Promise.all([onA.started, onB.started]);

    await commitEvents(serverA.db, [
      { type: "email.status", campaignId: 3, payload: { label: "from-a" } },
    ]);
    const [receivedA, receivedB] = await Promise.all([
      onA.until((r) => r.length === 1),
      onB.until((r) => r.length === 1),
    ]);
    onA.stop();
    onB.stop();

    expect(labelsOf(receivedA)).toEqual(["from-a"]);
    expect(labelsOf(receivedB)).toEqual(["from-a"]);
  });

  it("reaches a server's clients from a worker that only writes", async () => {
    const worker = await openPeerDatabase();
    const clientB = await startServerB(await openPeerDatabase());
    const onB = collect((h) =>
      clientB.events.onCampaign.subscribe({ campaignId: 4 }, h),
    );
    await onB.started;

    await commitEvents(worker, [
      { type: "email.status", campaignId: 4, payload: { label: "worker" } },
    ]);
    const received = await onB.until((r) => r.length === 1);
    onB.stop();

    expect(labelsOf(received)).toEqual(["worker"]);
  });
});
