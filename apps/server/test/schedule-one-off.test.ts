import { createScheduler, type Scheduler } from "@rally/api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import {
  createTestClock,
  errorOf,
  startTestServer,
  type TestServer,
} from "../src/testing.ts";
import {
  HOUR,
  MINUTE,
  createRecordingStarter,
  eventAfterNow,
  isRunEvent,
  seedRule,
  STARTUP_TIMEOUT_MS,
} from "./support/scheduling.ts";

const clock = createTestClock(new Date("2026-06-15T12:00:00Z"));
let server: TestServer;
let starter: ReturnType<typeof createRecordingStarter>;
let scheduler: Scheduler;
let rule: Awaited<ReturnType<typeof seedRule>>;

beforeAll(async () => {
  server = await startTestServer({ clock });
  starter = createRecordingStarter(server.db, clock);
  scheduler = createScheduler({
    services: server.services,
    startCampaign: starter.start,
    instanceId: "one-off-test",
  });
  await scheduler.start();
  rule = await seedRule(server.db);
}, STARTUP_TIMEOUT_MS);

afterAll(async () => {
  await scheduler?.stop();
  await server?.close();
});

beforeEach(() => {
  starter.calls.length = 0;
  starter.failWith(undefined);
});

function inFuture(ms: number) {
  return new Date(clock.now().getTime() + ms);
}

describe("one-off scheduled campaigns", () => {
  it("runs at runAt exactly once and links the campaign", async () => {
    const { client } = server;
    const planned = await client.schedule.create.mutate({
      ruleId: rule.ruleId,
      templateId: rule.templateId,
      runAt: inFuture(HOUR),
    });
    await scheduler.processDue();
    const early = await client.schedule.get.query({ id: planned.id });

    clock.advance(HOUR);
    const { event } = await eventAfterNow(
      server,
      isRunEvent(planned.id, "DONE"),
    );
    await scheduler.processDue();
    await scheduler.processDue();
    const ran = await client.schedule.get.query({ id: planned.id });

    expect(planned.status).toBe("PENDING");
    expect(early.status).toBe("PENDING");
    expect(ran.status).toBe("DONE");
    expect(ran.campaignId).toEqual(expect.any(Number));
    expect((await event).payload.campaignId).toBe(ran.campaignId);
    expect(starter.calls).toEqual([
      {
        ruleId: rule.ruleId,
        templateId: rule.templateId,
        idempotencyKey: `scheduled:${planned.id}`,
        scheduledCampaignId: planned.id,
      },
    ]);
  });

  it("wakes early when a schedule changes, without being asked", async () => {
    const { client } = server;
    const first = await client.schedule.create.mutate({
      ruleId: rule.ruleId,
      runAt: inFuture(MINUTE),
    });
    clock.advance(2 * MINUTE);
    const { event } = await eventAfterNow(server, isRunEvent(first.id, "DONE"));

    // Any change NOTIFYs the scheduler, which then finds `first` due.
    const trigger = await client.schedule.create.mutate({
      ruleId: rule.ruleId,
      runAt: inFuture(HOUR),
    });

    await expect(event).resolves.toMatchObject({ type: "schedule.run" });
    await client.schedule.cancel.mutate({ id: trigger.id });
  });

  it("records FAILED with the reason when sending fails", async () => {
    const planned = await server.client.schedule.create.mutate({
      ruleId: rule.ruleId,
      runAt: inFuture(MINUTE),
    });
    starter.failWith("the template has no subject");
    clock.advance(MINUTE);
    await scheduler.processDue();
    const failed = await server.client.schedule.get.query({ id: planned.id });

    expect(failed.status).toBe("FAILED");
    expect(failed.failureReason).toBe("the template has no subject");
    expect(failed.campaignId).toBeNull();
  });

  it("runs a late run within the grace window and misses an older one", async () => {
    const { client } = server;
    const tooLate = await client.schedule.create.mutate({
      ruleId: rule.ruleId,
      runAt: inFuture(MINUTE),
    });
    const late = await client.schedule.create.mutate({
      ruleId: rule.ruleId,
      runAt: inFuture(50 * MINUTE),
    });
    // Down until 55 minutes after `late` and 104 after `tooLate`.
    clock.advance(HOUR + 45 * MINUTE);
    await scheduler.processDue();

    expect((await client.schedule.get.query({ id: late.id })).status).toBe(
      "DONE",
    );
    expect((await client.schedule.get.query({ id: tooLate.id })).status).toBe(
      "MISSED",
    );
    expect(starter.calls.map((call) => call.scheduledCampaignId)).toEqual([
      late.id,
    ]);
  });

  it("cancels a pending run, which then never runs", async () => {
    const { client } = server;
    const planned = await client.schedule.create.mutate({
      ruleId: rule.ruleId,
      runAt: inFuture(MINUTE),
    });
    const cancelled = await client.schedule.cancel.mutate({ id: planned.id });
    clock.advance(MINUTE);
    await scheduler.processDue();
    const again = await errorOf(
      client.schedule.cancel.mutate({ id: planned.id }),
    );

    expect(cancelled.status).toBe("CANCELLED");
    expect(starter.calls).toEqual([]);
    expect(again.data?.code).toBe("CONFLICT");
    expect(again.message).toContain("CANCELLED");
  });

  it("lists one-off runs soonest first, filtered by status", async () => {
    const { client } = server;
    const later = await client.schedule.create.mutate({
      ruleId: rule.ruleId,
      runAt: inFuture(3 * HOUR),
    });
    const sooner = await client.schedule.create.mutate({
      ruleId: rule.ruleId,
      runAt: inFuture(2 * HOUR),
    });
    const pending = await client.schedule.list.query({ status: "PENDING" });
    const ids = pending.items.map((item) => item.id);

    expect(ids.indexOf(sooner.id)).toBeLessThan(ids.indexOf(later.id));
    expect(pending.items.every((item) => item.status === "PENDING")).toBe(true);
  });

  it("rejects a runAt in the past and unknown rules or runs", async () => {
    const { client } = server;
    const past = await errorOf(
      client.schedule.create.mutate({
        ruleId: rule.ruleId,
        runAt: inFuture(-MINUTE),
      }),
    );
    const noRule = await errorOf(
      client.schedule.create.mutate({ ruleId: 999_999, runAt: inFuture(HOUR) }),
    );
    const noRun = await errorOf(client.schedule.get.query({ id: 999_999 }));

    expect(past.data?.code).toBe("BAD_REQUEST");
    expect(past.data?.fieldErrors[0]?.path).toBe("runAt");
    expect(noRule.data?.code).toBe("NOT_FOUND");
    expect(noRule.data?.fieldErrors[0]?.path).toBe("ruleId");
    expect(noRun.data?.code).toBe("NOT_FOUND");
  });
});
