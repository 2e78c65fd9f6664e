import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestServer } from "../src/testing.ts";
import { collect, commitEvents, labelsOf } from "./event-helpers.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

// Only a server connection can drop; embedded PGlite listens in process.
describe.runIf(process.env.DATABASE_URL)("the LISTEN connection", () => {
  it("listens again after PostgreSQL drops it and delivers what was committed meanwhile", async () => {
    const events = collect((h) => server.client.events.onAll.subscribe({}, h));
    await events.started;

    const dropped = await server.db.sql.query<{ dropped: boolean }>(
      `SELECT pg_terminate_backend(pid) AS dropped FROM pg_stat_activity
       WHERE datname = current_database() AND query LIKE 'LISTEN %'`,
    );
    await commitEvents(server.db, [
      { type: "email.status", payload: { label: "while-down" } },
    ]);
    const received = await events.until((r) => r.length === 1, 20_000);
    events.stop();

    expect(dropped.some((row) => row.dropped)).toBe(true);
    expect(labelsOf(received)).toEqual(["while-down"]);
  });
});
