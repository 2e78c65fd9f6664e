import { setImmediate as tick } from "node:timers/promises";

import { describe, expect, it } from "vitest";

import {
  DRAINED_BYTES,
  MAX_BATCH,
  MAX_BUFFERED,
  MAX_PENDING_BYTES,
  eventStream,
  type StreamItem,
  type StreamOptions,
} from "../src/events/stream.ts";
import {
  createFakeBus,
  createManualScheduler,
  emailStatus,
  progress,
} from "./fake-bus.ts";

type Stream = ReturnType<typeof eventStream>;

function open(options: Omit<StreamOptions, "signal">) {
  const controller = new AbortController();
  const stream = eventStream({ ...options, signal: controller.signal });

  return { stream, stop: () => controller.abort() };
}

/** The next item with its resume id. */
async function next(stream: Stream) {
  const result = await stream.next();
  if (result.done) {
    throw new Error("the stream ended");
  }
  const [id, data] = result.value as unknown as [string, StreamItem];

  return { id, data };
}

/** The ids of the events an item carries. */
function idsOf(item: StreamItem) {
  return item.kind === "events" ? item.events.map((event) => event.id) : [];
}

/** Whether the stream has an item ready without time moving. */
async function isIdle(pending: Promise<unknown>) {
  const outcome = await Promise.race([
    pending.then(() => "item"),
    tick().then(() => "idle"),
  ]);

  return outcome === "idle";
}

describe("the event stream", () => {
  it("coalesces a burst of progress to the first and the latest", async () => {
    const { bus, publish } = createFakeBus();
    const clock = createManualScheduler();
    const { stream } = open({ bus, scheduler: clock.scheduler });
    const first = stream.next();
    publish(...Array.from({ length: 20 }, (_, i) => progress(1, i + 1)));

    expect((await first).value).toBeDefined();
    const pending = next(stream);
    expect(await isIdle(pending)).toBe(true);

    clock.advance(250);
    const latest = await pending;

    expect(latest.data).toMatchObject({
      kind: "events",
      events: [{ id: "20", payload: { counts: { SENT: 20 } } }],
    });
    expect(latest.id).toBe("20");
  });

  it("passes every email status through and resumes below held progress", async () => {
    const { bus, publish } = createFakeBus();
    const clock = createManualScheduler();
    const { stream } = open({ bus, scheduler: clock.scheduler });
    const first = next(stream);
    publish(progress(1, 1), progress(1, 2), emailStatus(1, 7));

    const sent = await first;

    expect(idsOf(sent.data)).toEqual(["1", "3"]);
    // Update 2 is held back, so a client dropping now resumes before it.
    expect(sent.id).toBe("1");

    clock.advance(250);
    const held = await next(stream);

    expect(idsOf(held.data)).toEqual(["2"]);
    expect(held.id).toBe("3");
  });

  it("keeps progress for different campaigns apart", async () => {
    const { bus, publish } = createFakeBus();
    const { stream } = open({
      bus,
      scheduler: createManualScheduler().scheduler,
    });
    const first = next(stream);
    publish(progress(1, 1), progress(2, 1));
    const sent = await first;

    expect(idsOf(sent.data)).toEqual(["1", "2"]);
    expect(sent.id).toBe("2");
  });

  it("sends a burst as few items as MAX_BATCH allows, in id order", async () => {
    const { bus, publish } = createFakeBus();
    const { stream } = open({ bus });
    const first = next(stream);
    publish(
      ...Array.from({ length: MAX_BATCH + 5 }, (_, i) => emailStatus(1, i)),
    );
    const items = [await first, await next(stream)];

    expect(items.map((item) => idsOf(item.data).length)).toEqual([
      MAX_BATCH,
      5,
    ]);
    expect(items.flatMap((item) => idsOf(item.data))).toEqual(
      Array.from({ length: MAX_BATCH + 5 }, (_, i) => String(i + 1)),
    );
    expect(items.map((item) => item.id)).toEqual([
      String(MAX_BATCH),
      String(MAX_BATCH + 5),
    ]);
  });

  it("tells a client whose socket backs up to refetch, once it drains", async () => {
    const { bus, publish } = createFakeBus();
    const clock = createManualScheduler();
    let pendingBytes = MAX_PENDING_BYTES + 1;
    const { stream } = open({
      bus,
      scheduler: clock.scheduler,
      transport: { pendingBytes: () => pendingBytes },
    });
    const marker = next(stream);
    publish(emailStatus(1, 1), emailStatus(1, 2));
    clock.advance(50);

    expect(await isIdle(marker)).toBe(true);

    pendingBytes = DRAINED_BYTES - 1;
    clock.advance(50);

    expect(await marker).toEqual({
      id: "2",
      data: { kind: "refetch", reason: "slow-consumer" },
    });
  });

  it("holds at most MAX_BUFFERED events for a client that does not read", async () => {
    const { bus, publish } = createFakeBus();
    const { stream } = open({ bus });
    const first = next(stream);
    publish(emailStatus(1, 0));
    await first;

    publish(
      ...Array.from({ length: MAX_BUFFERED + 10 }, (_, i) => emailStatus(1, i)),
    );
    const marker = await next(stream);
    publish(emailStatus(1, 99));

    expect(marker).toEqual({
      id: String(MAX_BUFFERED + 11),
      data: { kind: "refetch", reason: "slow-consumer" },
    });
    expect((await next(stream)).id).toBe(String(MAX_BUFFERED + 12));
  });

  it("replays what a client missed, filtered, then goes live", async () => {
    const { bus, publish } = createFakeBus();
    publish(emailStatus(1, 1), emailStatus(2, 2), emailStatus(1, 3));
    const { stream } = open({
      bus,
      lastEventId: "1",
      filter: { campaignId: 1 },
    });

    const replayed = await next(stream);
    const live = next(stream);
    publish(emailStatus(2, 4), emailStatus(1, 5));

    expect(idsOf(replayed.data)).toEqual(["3"]);
    expect(replayed.id).toBe("3");
    expect(idsOf((await live).data)).toEqual(["5"]);
  });

  it("replays a long gap in items of MAX_BATCH events", async () => {
    const { bus, publish } = createFakeBus();
    const missed = 2 * MAX_BATCH + 1;
    publish(...Array.from({ length: missed + 1 }, (_, i) => emailStatus(1, i)));
    const { stream } = open({ bus, lastEventId: "1" });
    const items = [await next(stream), await next(stream), await next(stream)];

    expect(items.map((item) => idsOf(item.data).length)).toEqual([
      MAX_BATCH,
      MAX_BATCH,
      1,
    ]);
    expect(items.at(-1)?.id).toBe(String(missed + 1));
  });

  it("sends a refetch marker when the missed events were pruned", async () => {
    const fake = createFakeBus();
    fake.publish(...Array.from({ length: 10 }, (_, i) => emailStatus(1, i)));
    fake.dropOldest(5);
    const { stream } = open({ bus: fake.bus, lastEventId: "3" });

    expect(await next(stream)).toEqual({
      id: "10",
      data: { kind: "refetch", reason: "gap-too-old" },
    });
  });

  it("sends a refetch marker for an id the log never issued", async () => {
    const fake = createFakeBus();
    fake.publish(emailStatus(1, 1));
    const { stream } = open({ bus: fake.bus, lastEventId: "500" });

    expect((await next(stream)).data).toEqual({
      kind: "refetch",
      reason: "gap-too-old",
    });
  });

  it("stops listening when the client goes away", async () => {
    const fake = createFakeBus();
    const { stream, stop } = open({ bus: fake.bus });
    const pending = stream.next();
    await tick();

    expect(fake.listenerCount()).toBe(1);

    stop();

    expect((await pending).done).toBe(true);
    expect(fake.listenerCount()).toBe(0);
  });
});
