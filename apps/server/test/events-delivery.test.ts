import { recordEvents, type DomainEventInput } from "@rally/api";
import { TRPCClientError, type AppRouter } from "@rally/client/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestServer } from "../src/testing.ts";
import {
  collect,
  commitEvents,
  eventsOf,
  labelsOf,
  type Received,
} from "./event-helpers.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

function labelled(label: string, event: Omit<DomainEventInput, "payload">) {
  return { ...event, payload: { label } };
}

const mixed: DomainEventInput[] = [
  labelled("status-c1", { type: "email.status", campaignId: 1 }),
  labelled("status-c2", { type: "email.status", campaignId: 2 }),
  labelled("campaign-c1", { type: "campaign.status", campaignId: 1 }),
  labelled("message-t5", { type: "conversation.message", threadId: 5 }),
  labelled("read-t6", { type: "conversation.read", threadId: 6 }),
  labelled("schedule", { type: "schedule.changed" }),
  labelled("run-c1", { type: "schedule.run", campaignId: 1 }),
  labelled("booking-c2", { type: "appointment.changed", campaignId: 2 }),
  labelled("record", { type: "serviceRecord.created" }),
];

describe("event subscriptions", () => {
  it("publishes a committed change and nothing from a rolled-back one", async () => {
    const all = collect((handlers) =>
      server.client.events.onAll.subscribe({}, handlers),
    );
    await all.started;

    const rollback = server.db.prisma.$transaction(async (tx) => {
      await recordEvents(tx, [
        labelled("rolled-back", { type: "email.status", campaignId: 1 }),
      ]);
      throw new Error("the change fails after recording its event");
    });
    await expect(rollback).rejects.toThrow("the change fails");
    await commitEvents(server.db, [
      labelled("committed", { type: "email.status", campaignId: 1 }),
    ]);
    const received = await all.until((r) => labelsOf(r).includes("committed"));
    all.stop();

    expect(labelsOf(received)).toEqual(["committed"]);
  });

  it("delivers to each subscription only the events its filter matches", async () => {
    const { events } = server.client;
    const subscriptions = {
      campaign1: collect((h) =>
        events.onCampaign.subscribe({ campaignId: 1 }, h),
      ),
      campaign2: collect((h) =>
        events.onCampaign.subscribe({ campaignId: 2 }, h),
      ),
      thread5: collect((h) =>
        events.onConversation.subscribe({ threadId: 5 }, h),
      ),
      threads: collect((h) => events.onConversation.subscribe({}, h)),
      schedules: collect((h) => events.onSchedules.subscribe(undefined, h)),
      bookings: collect((h) => events.onAppointments.subscribe(undefined, h)),
    };
    const all = Object.values(subscriptions);
    await Promise.all(all.map((s) => s.started));

    await commitEvents(server.db, mixed);
    // One last event per subscription: once it arrives, all before it has.
    await commitEvents(server.db, [
      labelled("end", { type: "email.status", campaignId: 1 }),
      labelled("end", { type: "email.status", campaignId: 2 }),
      labelled("end", { type: "conversation.message", threadId: 5 }),
      labelled("end", { type: "schedule.changed" }),
      labelled("end", { type: "appointment.changed" }),
    ]);
    const isEnded = (r: Received[]) => labelsOf(r).includes("end");
    await Promise.all(all.map((s) => s.until(isEnded)));
    all.forEach((s) => s.stop());

    expect(labelsOf(subscriptions.campaign1.received)).toEqual([
      "status-c1",
      "campaign-c1",
      "run-c1",
      "end",
    ]);
    expect(labelsOf(subscriptions.campaign2.received)).toEqual([
      "status-c2",
      "booking-c2",
      "end",
    ]);
    expect(labelsOf(subscriptions.thread5.received)).toEqual([
      "message-t5",
      "end",
    ]);
    expect(labelsOf(subscriptions.threads.received)).toEqual([
      "message-t5",
      "read-t6",
      "end",
    ]);
    expect(labelsOf(subscriptions.schedules.received)).toEqual([
      "schedule",
      "run-c1",
      "end",
    ]);
    expect(labelsOf(subscriptions.bookings.received)).toEqual([
      "booking-c2",
      "end",
    ]);
  });

  it("hands a listener scoped to a campaign or a thread only its events", async () => {
    const bus = server.services.events;
    const heard = { campaign: [] as unknown[], thread: [] as unknown[] };
    const stops = [
      bus.subscribe((e) => heard.campaign.push(e.payload.label), {
        campaignId: 1,
      }),
      bus.subscribe((e) => heard.thread.push(e.payload.label), {
        threadId: 5,
      }),
    ];
    // Unscoped listeners hear each event first, so by the end marker the
    // scoped ones have heard everything before it.
    const end = new Promise<void>((resolve) => {
      stops.push(bus.subscribe((e) => e.payload.label === "end" && resolve()));
    });

    await commitEvents(server.db, [
      ...mixed,
      labelled("end", { type: "schedule.changed" }),
    ]);
    await end;
    stops.forEach((stop) => stop());

    expect(heard.campaign).toEqual(["status-c1", "campaign-c1", "run-c1"]);
    expect(heard.thread).toEqual(["message-t5"]);
  });

  it("sends events in id order, each item resuming after its last event", async () => {
    const all = collect((h) => server.client.events.onAll.subscribe({}, h));
    await all.started;

    await commitEvents(server.db, mixed);
    await commitEvents(server.db, mixed);
    const received = await all.until(
      (r) => eventsOf(r).length === mixed.length * 2,
    );
    all.stop();
    const ids = eventsOf(received).map(({ id }) => BigInt(id));

    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : 1)));
    expect(new Set(ids).size).toBe(ids.length);
    expect(received.map(({ id }) => id)).toEqual(
      received.map(({ item }) =>
        item.kind === "events" ? item.events.at(-1)?.id : undefined,
      ),
    );
    // Each commit's events were ready together, so none went out alone.
    expect(received.length).toBeLessThan(ids.length);
  });

  it("coalesces a burst of progress to a few updates ending with the latest", async () => {
    const campaign = collect((h) =>
      server.client.events.onCampaign.subscribe({ campaignId: 11 }, h),
    );
    await campaign.started;
    const burst = Array.from({ length: 100 }, (_, i) => ({
      type: "campaign.progress" as const,
      campaignId: 11,
      payload: { campaignId: 11, counts: { SENT: i + 1 } },
    }));

    const finalCounts = JSON.stringify({ SENT: 100 });

    await commitEvents(server.db, burst);
    const received = await campaign.until((r) =>
      eventsOf(r).some((e) => JSON.stringify(e.payload.counts) === finalCounts),
    );
    campaign.stop();

    expect(received.length).toBeLessThanOrEqual(3);
    expect(eventsOf(received).at(-1)?.payload.counts).toEqual({ SENT: 100 });
  });

  it.each([
    ["onCampaign", { campaignId: -1 }, "campaignId"],
    ["onCampaign", { campaignId: 1, lastEventId: "12ab" }, "lastEventId"],
    ["onConversation", { threadId: 1.5 }, "threadId"],
    // onAll takes no campaign: the field it does not take is named.
    ["onAll", { campaignId: 3 }, "campaignId"],
  ] as const)(
    "rejects %s with malformed input %j as BAD_REQUEST",
    async (name, input, field) => {
      const procedure = server.client.events[name] as unknown as {
        subscribe: typeof server.client.events.onAll.subscribe;
      };
      const subscription = collect((h) =>
        procedure.subscribe(input as never, h),
      );

      const error = await subscription.failed();

      expect(error).toBeInstanceOf(TRPCClientError);
      const { data } = error as TRPCClientError<AppRouter>;
      expect(data?.code).toBe("BAD_REQUEST");
      expect(data?.fieldErrors[0]?.path).toBe(field);
    },
  );
});
