import {
  appRouter,
  createCallerFactory,
  createContextFactory,
  type CampaignStarter,
  type StoredEvent,
} from "@rally/api";
import pino from "pino";
import { beforeAll, describe, expect, it } from "vitest";

import { startServices } from "../src/runtime.ts";
import { createTestClock } from "../src/testing.ts";
import {
  MINUTE,
  createRecordingStarter,
  seedRule,
  STARTUP_TIMEOUT_MS,
} from "./support/scheduling.ts";

const clock = createTestClock(new Date("2026-06-15T12:00:00Z"));
let starter: ReturnType<typeof createRecordingStarter> | undefined;
let runtime: Awaited<ReturnType<typeof startServices>>;

beforeAll(async () => {
  const startCampaign: CampaignStarter = (input) => starter!.start(input);
  runtime = await startServices({
    database: {},
    logger: pino({ level: "silent" }),
    clock,
    secret: "test-secret-not-for-production",
    publicUrl: "http://rally.test",
    startCampaign,
  });
  starter = createRecordingStarter(runtime.services.db, clock);
}, STARTUP_TIMEOUT_MS);

describe("the server's scheduler", () => {
  it("starts with the services, runs what comes due and stops", async () => {
    const { db, events } = runtime.services;
    const { ruleId } = await seedRule(db);
    const caller = createCallerFactory(appRouter)(
      createContextFactory(runtime.services)("test", {
        kind: "system",
        id: null,
        role: "STAFF",
      }),
    );
    const planned = await caller.schedule.create({
      ruleId,
      runAt: new Date(clock.now().getTime() + MINUTE),
    });
    const done = new Promise<StoredEvent>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no run")), 10_000);
      events.subscribe((event) => {
        if (event.type === "schedule.run" && event.payload.status === "DONE") {
          clearTimeout(timer);
          resolve(event);
        }
      });
    });
    clock.advance(MINUTE);
    // The change wakes the server's scheduler, which finds `planned` due.
    await caller.schedule.create({
      ruleId,
      runAt: new Date(clock.now().getTime() + MINUTE),
    });
    const event = await done;
    await runtime.stop();

    expect(event.payload.scheduledCampaignId).toBe(planned.id);
    expect(starter?.calls).toHaveLength(1);
  });
});
