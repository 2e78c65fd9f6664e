import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import {
  appRouter,
  createCallerFactory,
  createContextFactory,
  type CampaignStarter,
} from "@rally/api";
import { openDatabase } from "@rally/db";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";

import { startServices } from "../src/runtime.ts";
import { createTestClock } from "../src/testing.ts";
import {
  MINUTE,
  createRecordingStarter,
  seedRule,
} from "./support/scheduling.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "rally-runtime-"));

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the server's scheduler", () => {
  it("starts with the services and finishes a run in flight on stop", async () => {
    const clock = createTestClock(new Date("2026-06-15T12:00:00Z"));
    let starter: ReturnType<typeof createRecordingStarter> | undefined;
    const startCampaign: CampaignStarter = (input) => starter!.start(input);
    const runtime = await startServices({
      database: { dataDir },
      logger: pino({ level: "silent" }),
      clock,
      secret: "test-secret-not-for-production",
      publicUrl: "http://rally.test",
      startCampaign,
    });
    const { db } = runtime.services;
    starter = createRecordingStarter(db, clock);
    const held = starter.hold();
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
    clock.advance(MINUTE);
    // The change wakes the server's scheduler, which finds `planned` due.
    await caller.schedule.create({
      ruleId,
      runAt: new Date(clock.now().getTime() + MINUTE),
    });
    await held.called;
    const stopped = runtime.stop();
    held.release();
    await stopped;

    const reopened = await openDatabase({ dataDir });
    const run = await reopened.prisma.scheduledCampaign.findUniqueOrThrow({
      where: { id: planned.id },
    });
    await reopened.close();

    expect(run.status).toBe("DONE");
    expect(run.campaignId).toEqual(expect.any(Number));
    expect(starter.calls).toHaveLength(1);
  });
});
