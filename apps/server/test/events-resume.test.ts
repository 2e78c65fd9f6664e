import { createRallyClient, type ConnectionState } from "@rally/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestServer } from "../src/testing.ts";
import {
  collect,
  commitEvents,
  eventsOf,
  latestEventId,
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

async function commitStatuses(campaignId: number, from: number, to: number) {
  for (let start = from; start <= to; start += 10) {
    const ids = Array.from({ length: 10 }, (_, i) => start + i);
    await commitEvents(
      server.db,
      ids.map((id) => statusEvent(campaignId, id)),
    );
  }
}

function emailIdsOf(received: Parameters<typeof eventsOf>[0]) {
  return new Set(eventsOf(received).map((event) => event.payload.emailId));
}

describe("resuming event subscriptions", () => {
  it("reconnects after a dropped connection and ends with every status", async () => {
    const tracker = socketTracker();
    const states: ConnectionState[] = [];
    const client = createRallyClient({
      url: server.url,
      token: await server.tokenFor("VIEWER"),
      WebSocket: tracker.WebSocket,
      onConnectionState: (state) => states.push(state),
    });
    const campaign = collect((h) =>
      client.events.onCampaign.subscribe({ campaignId: 42 }, h),
    );
    await campaign.started;

    await commitStatuses(42, 1, 50);
    await campaign.until((r) => eventsOf(r).length === 50);
    tracker.sockets[0]?.terminate();
    // Committed while the client is away: only the resume can deliver them.
    await commitStatuses(42, 51, 100);
    const received = await campaign.until((r) => emailIdsOf(r).size === 100);
    campaign.stop();
    client.close();

    expect(tracker.sockets).toHaveLength(2);
    expect(states).toEqual(["live", "reconnecting", "live"]);
    expect(received.every(({ item }) => item.kind === "events")).toBe(true);
  });

  it("replays what was missed to a client that resubscribes with its last id", async () => {
    const first = collect((h) =>
      server.client.events.onCampaign.subscribe({ campaignId: 7 }, h),
    );
    await first.started;
    await commitStatuses(7, 1, 30);
    const seen = await first.until((r) => eventsOf(r).length === 30);
    first.stop();
    await commitStatuses(7, 31, 60);
    await commitEvents(server.db, [statusEvent(8, 1)]);

    const resumed = collect((h) =>
      server.client.events.onCampaign.subscribe(
        { campaignId: 7, lastEventId: seen.at(-1)?.id },
        h,
      ),
    );
    const replayed = await resumed.until((r) => eventsOf(r).length === 30);
    resumed.stop();

    expect([...emailIdsOf(replayed)]).toEqual(
      Array.from({ length: 30 }, (_, i) => 31 + i),
    );
  });

  it("tells a client whose last id was pruned to refetch, then goes on", async () => {
    await commitStatuses(9, 1, 10);
    const staleId = await latestEventId(server.db);
    await commitStatuses(9, 11, 20);
    await server.db.sql.exec(
      "UPDATE domain_events SET created_at = now() - interval '30 days'",
    );
    await commitEvents(server.db, [statusEvent(9, 21)]);
    const newestId = await latestEventId(server.db);

    const deleted = await server.services.events.prune();
    const stale = collect((h) =>
      server.client.events.onCampaign.subscribe(
        { campaignId: 9, lastEventId: staleId },
        h,
      ),
    );
    await stale.until((r) => r.length === 1);
    await commitEvents(server.db, [statusEvent(9, 22)]);
    const received = await stale.until((r) => r.length === 2);
    stale.stop();

    expect(deleted).toBeGreaterThanOrEqual(20);
    expect(await server.services.events.oldestId()).toBe(newestId);
    expect(received[0]).toEqual({
      id: newestId,
      item: { kind: "refetch", reason: "gap-too-old" },
    });
    expect(eventsOf(received)[0]?.payload.emailId).toBe(22);
  });

  it("keeps the newest event when every event is past retention", async () => {
    await commitStatuses(10, 1, 10);
    const newestId = await latestEventId(server.db);
    await server.db.sql.exec(
      "UPDATE domain_events SET created_at = now() - interval '30 days'",
    );

    await server.services.events.prune();

    expect(await server.services.events.oldestId()).toBe(newestId);
  });
});
