import { createScheduler, type Scheduler } from "@rally/api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import {
  createTestClock,
  errorOf,
  startTestServer,
  type TestServer,
} from "../src/testing.ts";
import {
  createRecordingStarter,
  eventAfterNow,
  seedRule,
  STARTUP_TIMEOUT_MS,
} from "./support/scheduling.ts";

const clock = createTestClock(new Date("2026-06-15T12:00:00Z"));
let server: TestServer;
let starter: ReturnType<typeof createRecordingStarter>;
let scheduler: Scheduler;
let ruleId: number;

beforeAll(async () => {
  server = await startTestServer({ clock });
  starter = createRecordingStarter(server.db, clock);
  scheduler = createScheduler({
    services: server.services,
    startCampaign: starter.start,
  });
  await scheduler.start();
  ({ ruleId } = await seedRule(server.db));
}, STARTUP_TIMEOUT_MS);

afterAll(async () => {
  await scheduler?.stop();
  await server?.close();
});

beforeEach(() => {
  starter.calls.length = 0;
});

function daily(timeOfDay: string, timeZone = "UTC") {
  return {
    name: `Daily ${timeOfDay}`,
    ruleId,
    frequency: "DAILY" as const,
    timeOfDay,
    timeZone,
  };
}

async function runsOf(id: number) {
  const { items } = await server.client.recurring.runs.query({ id });

  return items.map((run) => `${run.runAt.toISOString()} ${run.status}`);
}

describe("recurring schedules", () => {
  it("defaults to UTC, then to the shop's time zone once it is set", async () => {
    const { client } = server;
    const before = await client.recurring.create.mutate({
      ...daily("09:00"),
      timeZone: undefined,
    });
    await server.db.prisma.shopSettings.create({
      data: {
        name: "Ruiz Auto",
        timeZone: "Europe/Madrid",
        senderName: "Ruiz Auto",
        senderEmail: "service@ruiz.test",
        postalAddress: "Calle Mayor 1, Madrid",
        openingHours: [],
      },
    });
    const after = await client.recurring.create.mutate({
      ...daily("09:00"),
      timeZone: undefined,
    });

    expect(before.timeZone).toBe("UTC");
    expect(before.nextRunAt).toEqual(new Date("2026-06-16T09:00:00Z"));
    expect(after.timeZone).toBe("Europe/Madrid");
    expect(after.nextRunAt).toEqual(new Date("2026-06-16T07:00:00Z"));
    await client.recurring.delete.mutate({ id: before.id });
    await client.recurring.delete.mutate({ id: after.id });
  });

  it("runs 09:00 New York time across the spring DST change", async () => {
    clock.set(new Date("2026-03-06T15:00:00Z"));
    const schedule = await server.client.recurring.create.mutate(
      daily("09:00", "America/New_York"),
    );
    for (const at of ["2026-03-07T14:00Z", "2026-03-08T13:00Z"]) {
      clock.set(new Date(at));
      await scheduler.processDue();
    }
    const after = await server.client.recurring.list.query({});

    expect(await runsOf(schedule.id)).toEqual([
      "2026-03-08T13:00:00.000Z DONE",
      "2026-03-07T14:00:00.000Z DONE",
    ]);
    expect(starter.calls).toHaveLength(2);
    expect(after.items.find((s) => s.id === schedule.id)).toMatchObject({
      nextRunAt: new Date("2026-03-09T13:00:00Z"),
      lastRunAt: new Date("2026-03-08T13:00:00Z"),
    });
    await server.client.recurring.delete.mutate({ id: schedule.id });
  });

  it("pushes nextRunAt live when a schedule is changed", async () => {
    clock.set(new Date("2026-06-15T12:00:00Z"));
    const schedule = await server.client.recurring.create.mutate(
      daily("09:00"),
    );
    const { event } = await eventAfterNow(
      server,
      (e) =>
        e.type === "schedule.changed" && e.payload.scheduleId === schedule.id,
    );
    const updated = await server.client.recurring.update.mutate({
      id: schedule.id,
      frequency: "MONTHLY",
      dayOfMonth: 31,
      timeOfDay: "08:30",
    });

    expect(updated.nextRunAt).toEqual(new Date("2026-06-30T08:30:00Z"));
    expect((await event).payload).toMatchObject({
      kind: "recurring",
      nextRunAt: "2026-06-30T08:30:00.000Z",
    });
    await server.client.recurring.delete.mutate({ id: schedule.id });
  });

  it("runs nothing while paused and does not catch up on resume", async () => {
    const { client } = server;
    clock.set(new Date("2026-07-01T08:00:00Z"));
    const schedule = await client.recurring.create.mutate(daily("09:00"));
    const paused = await client.recurring.pause.mutate({ id: schedule.id });
    clock.set(new Date("2026-07-04T12:00:00Z"));
    await scheduler.processDue();
    const resumed = await client.recurring.resume.mutate({ id: schedule.id });
    await scheduler.processDue();
    const callsAfterResume = starter.calls.length;
    clock.set(new Date("2026-07-05T09:00:00Z"));
    await scheduler.processDue();

    expect(paused.nextRunAt).toBeNull();
    expect(resumed.nextRunAt).toEqual(new Date("2026-07-05T09:00:00Z"));
    expect(callsAfterResume).toBe(0);
    expect(await runsOf(schedule.id)).toEqual([
      "2026-07-05T09:00:00.000Z DONE",
    ]);
    await client.recurring.delete.mutate({ id: schedule.id });
  });

  it("runs the latest missed occurrence within grace and records older ones MISSED", async () => {
    const { client } = server;
    await scheduler.stop();
    clock.set(new Date("2026-08-01T08:00:00Z"));
    const inGrace = await client.recurring.create.mutate(daily("09:00"));
    const outOfGrace = await client.recurring.create.mutate({
      ...daily("09:00"),
      graceMinutes: 15,
    });
    // The process is down for three days and starts again at 09:30.
    clock.set(new Date("2026-08-03T09:30:00Z"));
    await scheduler.start();
    await scheduler.processDue();

    expect(await runsOf(inGrace.id)).toEqual([
      "2026-08-03T09:00:00.000Z DONE",
      "2026-08-02T09:00:00.000Z MISSED",
      "2026-08-01T09:00:00.000Z MISSED",
    ]);
    expect(await runsOf(outOfGrace.id)).toEqual([
      "2026-08-03T09:00:00.000Z MISSED",
      "2026-08-02T09:00:00.000Z MISSED",
      "2026-08-01T09:00:00.000Z MISSED",
    ]);
    expect(starter.calls).toHaveLength(1);
    await client.recurring.delete.mutate({ id: inGrace.id });
    await client.recurring.delete.mutate({ id: outOfGrace.id });
  });

  it("deletes a schedule, which then never runs", async () => {
    const { client } = server;
    clock.set(new Date("2026-09-01T08:00:00Z"));
    const schedule = await client.recurring.create.mutate(daily("09:00"));
    await client.recurring.delete.mutate({ id: schedule.id });
    clock.set(new Date("2026-09-01T09:00:00Z"));
    await scheduler.processDue();
    const gone = await errorOf(
      client.recurring.runs.query({ id: schedule.id }),
    );

    expect(starter.calls).toEqual([]);
    expect(gone.data?.code).toBe("NOT_FOUND");
  });
});

type CreateInput = Parameters<
  TestServer["client"]["recurring"]["create"]["mutate"]
>[0];

describe("recurring schedule input", () => {
  const cases: [string, Partial<CreateInput>, string][] = [
    [
      "a time zone that does not exist",
      { timeZone: "Mars/Olympus" },
      "timeZone",
    ],
    ["a time of day past 23:59", { timeOfDay: "24:00" }, "timeOfDay"],
    ["a malformed time of day", { timeOfDay: "9am" }, "timeOfDay"],
    ["day of month 32", { frequency: "MONTHLY", dayOfMonth: 32 }, "dayOfMonth"],
    ["MONTHLY without a day", { frequency: "MONTHLY" }, "dayOfMonth"],
    [
      "WEEKLY without weekdays",
      { frequency: "WEEKLY", daysOfWeek: [] },
      "daysOfWeek",
    ],
    ["weekday 8", { frequency: "WEEKLY", daysOfWeek: [8] }, "daysOfWeek.0"],
    [
      "a date that is not on the calendar",
      { startDate: "2026-02-30" },
      "startDate",
    ],
    [
      "an end date before the start date",
      { startDate: "2026-07-10", endDate: "2026-07-01" },
      "endDate",
    ],
  ];

  it.each(cases)(
    "rejects %s as BAD_REQUEST naming the field",
    async (_, change, field) => {
      const error = await errorOf(
        server.client.recurring.create.mutate({ ...daily("09:00"), ...change }),
      );

      expect(error.data?.code).toBe("BAD_REQUEST");
      expect(error.data?.fieldErrors.map((f) => f.path)).toContain(field);
    },
  );

  it("checks the merged schedule when an update changes one field", async () => {
    const schedule = await server.client.recurring.create.mutate({
      ...daily("09:00"),
      frequency: "DAILY",
    });
    const error = await errorOf(
      server.client.recurring.update.mutate({
        id: schedule.id,
        frequency: "WEEKLY",
      }),
    );
    const missing = await errorOf(
      server.client.recurring.pause.mutate({ id: 999_999 }),
    );

    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.data?.fieldErrors[0]?.path).toBe("daysOfWeek");
    expect(missing.data?.code).toBe("NOT_FOUND");
  });
});
