import { recordEvents } from "@rally/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestServer } from "../src/testing.ts";
import { commitEvents, statusEvent } from "./event-helpers.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

async function idsOf(emailIds: number[]) {
  const rows = await server.db.sql.query<{ id: string; email: number }>(
    `SELECT id::text AS id, (payload->>'emailId')::int AS email
     FROM domain_events WHERE (payload->>'emailId')::int = ANY($1::int[])`,
    [emailIds],
  );

  return new Map(rows.map((row) => [row.email, BigInt(row.id)]));
}

/** Resolves once some transaction waits for the event writers' lock. */
async function whenWriterWaits(timeoutMs = 10_000) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const rows = await server.db.sql.query<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM pg_locks
       WHERE locktype = 'advisory' AND NOT granted`,
    );
    if ((rows[0]?.waiting ?? 0) > 0) {
      return;
    }
    if (performance.now() > deadline) {
      throw new Error("no event writer waited for the lock");
    }
  }
}

const isPostgres = Boolean(process.env.DATABASE_URL);

describe("event ids", () => {
  it(
    isPostgres
      ? "make a second writer wait until the first commits (PostgreSQL)"
      : "follow commit order on the one embedded connection (PGlite)",
    async () => {
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let markHolding: () => void = () => {};
      const holding = new Promise<void>((resolve) => {
        markHolding = resolve;
      });
      const first = server.db.prisma.$transaction(async (tx) => {
        await recordEvents(tx, [statusEvent(1, 1)]);
        markHolding();
        await gate;
      });
      // The second writer starts only once the first holds the lock.
      await holding;
      const second = commitEvents(server.db, [statusEvent(1, 2)]);
      const order: number[] = [];
      void first.then(() => order.push(1));
      void second.then(() => order.push(2));
      try {
        if (isPostgres) {
          await whenWriterWaits();
        }
      } finally {
        // Even when the check fails, the first writer must finish, or the
        // server could not close.
        release();
      }
      await Promise.all([first, second]);
      const ids = await idsOf([1, 2]);

      expect(order).toEqual([1, 2]);
      expect(ids.get(1)! < ids.get(2)!).toBe(true);
    },
  );
});
