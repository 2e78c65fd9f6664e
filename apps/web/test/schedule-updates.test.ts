import { getQueryKey } from "@trpc/react-query";
import { describe, expect, it } from "vitest";

import { applyCacheUpdate } from "../src/live/cache-updates.ts";
import { trpc } from "../src/trpc.ts";
import { event, seededCache } from "./support/cache.ts";

/** A cache holding what the Schedules and Settings pages show. */
function scheduleCache() {
  return seededCache({
    recurring: getQueryKey(trpc.recurring.list, { limit: 500 }, "query"),
    runs4: getQueryKey(trpc.recurring.runs, { id: 4, limit: 50 }, "query"),
    runs5: getQueryKey(trpc.recurring.runs, { id: 5, limit: 50 }, "query"),
    oneOff: getQueryKey(trpc.schedule.list, { limit: 500 }, "query"),
    run9: getQueryKey(trpc.schedule.get, { id: 9 }, "query"),
    settings: getQueryKey(trpc.settings.get, undefined, "query"),
    vehicle: getQueryKey(trpc.vehicle.get, { id: 4 }, "query"),
  });
}

describe("live schedule and settings updates", () => {
  it("refreshes one schedule's runs and the recurring list when its run moves", async () => {
    const { queryClient, staleNames } = scheduleCache();

    await applyCacheUpdate(
      event("schedule.run", {
        scheduledCampaignId: 9,
        scheduleId: 4,
        status: "RUNNING",
      }),
      queryClient,
    );

    expect(staleNames()).toEqual(["recurring", "run9", "runs4"]);
  });

  it("refreshes the one-off list when a one-off run moves", async () => {
    const { queryClient, staleNames } = scheduleCache();

    await applyCacheUpdate(
      event("schedule.run", {
        scheduledCampaignId: 9,
        scheduleId: null,
        status: "DONE",
      }),
      queryClient,
    );

    expect(staleNames()).toEqual(["oneOff", "run9"]);
  });

  it("refreshes only the list of the kind of schedule that changed", async () => {
    const { queryClient, staleNames } = scheduleCache();

    await applyCacheUpdate(
      event("schedule.changed", { scheduleId: 4, kind: "recurring" }),
      queryClient,
    );

    expect(staleNames()).toEqual(["recurring"]);
  });

  it("refreshes the settings, and nothing else, when they change", async () => {
    const { queryClient, staleNames } = scheduleCache();

    await applyCacheUpdate(
      event("settings.changed", { fields: ["timeZone"] }),
      queryClient,
    );

    expect(staleNames()).toEqual(["settings"]);
  });
});
