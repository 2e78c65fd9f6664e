import { createScheduler, type Scheduler } from "@rally/api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startTestServer, type TestServer } from "../src/testing.ts";
import {
  MINUTE,
  createRecordingStarter,
  isRunEvent,
  seedRule,
  watchEvents,
  STARTUP_TIMEOUT_MS,
} from "./support/scheduling.ts";

/** A clock that can be set but keeps flowing, so the scheduler's timer fires. */
function createFlowingClock(start: Date) {
  let offset = start.getTime() - Date.now();

  return {
    now: () => new Date(Date.now() + offset),
    set(date: Date) {
      offset = date.getTime() - Date.now();
    },
    advance(ms: number) {
      offset += ms;
    },
  };
}

const clock = createFlowingClock(new Date("2026-06-15T12:00:00Z"));
let server: TestServer;
let starter: ReturnType<typeof createRecordingStarter>;
let first: Scheduler;
let second: Scheduler;
let ruleId: number;

beforeAll(async () => {
  server = await startTestServer({ clock });
  starter = createRecordingStarter(server.db, clock);
  const make = (instanceId: string) =>
    createScheduler({
      services: server.services,
      startCampaign: starter.start,
      instanceId,
    });
  first = make("first");
  second = make("second");
  await Promise.all([first.start(), second.start()]);
  ({ ruleId } = await seedRule(server.db));
}, STARTUP_TIMEOUT_MS);

afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
  await server?.close();
});

beforeEach(() => {
  starter.calls.length = 0;
});

function inFuture(ms: number) {
  return new Date(clock.now().getTime() + ms);
}

async function bothProcessDue() {
  await Promise.all([
    first.processDue(),
    second.processDue(),
    first.processDue(),
    second.processDue(),
  ]);
}

describe("schedulers sharing one database", () => {
  it("runs each occurrence once when two schedulers race", async () => {
    const { client } = server;
    clock.set(new Date("2026-06-20T11:00:00Z"));
    const oneOffs = await Promise.all(
      Array.from({ length: 6 }, () =>
        client.schedule.create.mutate({
          ruleId,
          runAt: new Date("2026-06-20T12:00:00Z"),
        }),
      ),
    );
    const recurring = await Promise.all(
      Array.from({ length: 3 }, (_, index) =>
        client.recurring.create.mutate({
          name: `Race ${index}`,
          ruleId,
          frequency: "DAILY",
          timeOfDay: "12:00",
          timeZone: "UTC",
        }),
      ),
    );
    for (const day of ["2026-06-20", "2026-06-21", "2026-06-22"]) {
      clock.set(new Date(`${day}T12:00:00Z`));
      await bothProcessDue();
    }
    const runIds = starter.calls.map((call) => call.scheduledCampaignId);
    const runs = await server.db.prisma.scheduledCampaign.findMany({
      where: { id: { in: runIds } },
    });

    expect(runIds).toHaveLength(6 + 3 * 3);
    expect(new Set(runIds).size).toBe(runIds.length);
    expect(runs.every((run) => run.status === "DONE")).toBe(true);
    for (const oneOff of oneOffs) {
      expect(runIds).toContain(oneOff.id);
    }
    for (const schedule of recurring) {
      const occurrences = await server.db.prisma.scheduledCampaign.count({
        where: { recurringScheduleId: schedule.id },
      });
      expect(occurrences).toBe(3);
    }
    await server.db.prisma.recurringSchedule.updateMany({
      where: { id: { in: recurring.map((schedule) => schedule.id) } },
      data: { isPaused: true, nextRunAt: null },
    });
  });

  it("takes over a run whose claimant died, once, after its lease", async () => {
    clock.set(new Date("2026-07-01T09:00:00Z"));
    const planned = await server.client.schedule.create.mutate({
      ruleId,
      runAt: inFuture(MINUTE),
    });
    const sentBeforeDying = await server.client.schedule.create.mutate({
      ruleId,
      runAt: inFuture(MINUTE),
    });
    // Both were claimed by a process that died; it had sent the second.
    await server.db.prisma.scheduledCampaign.updateMany({
      where: { id: { in: [planned.id, sentBeforeDying.id] } },
      data: {
        status: "RUNNING",
        claimedBy: "crashed",
        leaseUntil: inFuture(6 * MINUTE),
        startedAt: inFuture(MINUTE),
      },
    });
    clock.advance(MINUTE);
    await starter.start({
      ruleId,
      idempotencyKey: `scheduled:${sentBeforeDying.id}`,
      scheduledCampaignId: sentBeforeDying.id,
    });
    starter.calls.length = 0;
    await bothProcessDue();
    const whileLeased = starter.calls.length;
    clock.advance(6 * MINUTE);
    await bothProcessDue();
    await bothProcessDue();
    const runs = await server.db.prisma.scheduledCampaign.findMany({
      where: { id: { in: [planned.id, sentBeforeDying.id] } },
      orderBy: { id: "asc" },
    });
    const campaigns = await server.db.prisma.campaign.count({
      where: { idempotencyKey: `scheduled:${sentBeforeDying.id}` },
    });

    expect(whileLeased).toBe(0);
    expect(starter.calls.map((call) => call.scheduledCampaignId)).toEqual(
      expect.arrayContaining([planned.id, sentBeforeDying.id]),
    );
    expect(starter.calls).toHaveLength(2);
    expect(runs.map((run) => run.status)).toEqual(["DONE", "DONE"]);
    expect(runs.map((run) => run.claimedBy)).not.toContain("crashed");
    expect(campaigns).toBe(1);
  });

  it("finishes a run in flight when its schedule is edited meanwhile", async () => {
    const { client } = server;
    clock.set(new Date("2026-08-01T08:00:00Z"));
    const schedule = await client.recurring.create.mutate({
      name: "Morning",
      ruleId,
      frequency: "DAILY",
      timeOfDay: "09:00",
      timeZone: "UTC",
    });
    const held = starter.hold();
    clock.set(new Date("2026-08-01T09:00:00Z"));
    const pass = first.processDue();
    await held.called;
    const edited = await client.recurring.update.mutate({
      id: schedule.id,
      timeOfDay: "10:00",
    });
    held.release();
    await pass;
    await bothProcessDue();
    const { items } = await client.recurring.list.query({});
    const after = items.find((item) => item.id === schedule.id);
    const runs = await client.recurring.runs.query({ id: schedule.id });

    expect(edited.nextRunAt).toEqual(new Date("2026-08-01T10:00:00Z"));
    expect(starter.calls).toHaveLength(1);
    expect(runs.items.map((run) => run.status)).toEqual(["DONE"]);
    expect(after?.lastRunAt).toEqual(new Date("2026-08-01T09:00:00Z"));
    expect(after?.nextRunAt).toEqual(new Date("2026-08-01T10:00:00Z"));
    await client.recurring.delete.mutate({ id: schedule.id });
  });

  it("sleeps until the next due time and runs it unprompted", async () => {
    clock.set(new Date("2026-09-01T09:00:00Z"));
    const events = await watchEvents(server);
    const planned = await server.client.schedule.create.mutate({
      ruleId,
      runAt: inFuture(1_000),
    });
    const done = events.waitFor(isRunEvent(planned.id, "DONE"));

    await expect(done).resolves.toMatchObject({ type: "schedule.run" });
    events.close();
    expect(starter.calls).toHaveLength(1);
  });

  it("lets a run in flight finish when it stops", async () => {
    await second.stop();
    clock.set(new Date("2026-10-01T09:00:00Z"));
    const planned = await server.client.schedule.create.mutate({
      ruleId,
      runAt: inFuture(MINUTE),
    });
    const held = starter.hold();
    clock.advance(MINUTE);
    const pass = first.processDue();
    await held.called;
    const stopped = first.stop();
    held.release();
    await Promise.all([stopped, pass]);
    const run = await server.client.schedule.get.query({ id: planned.id });

    expect(run.status).toBe("DONE");
    expect(starter.calls).toHaveLength(1);
  });
});
