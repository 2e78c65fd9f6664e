import { createRallyClient } from "@rally/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestServer } from "../src/testing.ts";
import {
  collect,
  commitEvents,
  eventsOf,
  socketTracker,
  statusEvent,
} from "./event-helpers.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

// Far more than loopback socket buffers hold, so the server's own queue
// for the paused client passes its limit.
const EVENTS = 6_000;
const PER_COMMIT = 200;
const padding = "x".repeat(4_000);

/** Resolves once the server's bus has handed out the given email's event. */
function fannedOut(emailId: number) {
  return new Promise<void>((resolve) => {
    const unsubscribe = server.services.events.subscribe((event) => {
      if (event.payload.emailId === emailId) {
        unsubscribe();
        resolve();
      }
    });
  });
}

describe("a slow consumer", () => {
  it(
    "is told to refetch instead of the server buffering without bound",
    {
      timeout: 120_000,
    },
    async () => {
      const tracker = socketTracker();
      const slowClient = createRallyClient({
        url: server.url,
        token: await server.tokenFor("VIEWER"),
        WebSocket: tracker.WebSocket,
      });
      const slow = collect((h) =>
        slowClient.events.onCampaign.subscribe({ campaignId: 5 }, h),
      );
      await slow.started;
      tracker.sockets[0]?.pause();
      const isFannedOut = fannedOut(EVENTS - 1);

      for (let first = 0; first < EVENTS; first += PER_COMMIT) {
        const events = Array.from({ length: PER_COMMIT }, (_, i) => {
          const event = statusEvent(5, first + i);

          return { ...event, payload: { ...event.payload, padding } };
        });
        await commitEvents(server.db, events);
      }
      await isFannedOut;
      tracker.sockets[0]?.resume();
      const received = await slow.until(
        (r) => r.some(({ item }) => item.kind === "refetch"),
        60_000,
      );
      await commitEvents(server.db, [statusEvent(5, EVENTS)]);
      const after = await slow.until((r) =>
        eventsOf(r).some((e) => e.payload.emailId === EVENTS),
      );
      slow.stop();
      slowClient.close();
      const marker = received.find(({ item }) => item.kind === "refetch");

      expect(marker?.item).toEqual({
        kind: "refetch",
        reason: "slow-consumer",
      });
      expect(eventsOf(received).length).toBeLessThan(EVENTS);
      expect(BigInt(after.at(-1)!.id)).toBeGreaterThan(BigInt(marker!.id));
    },
  );
});
