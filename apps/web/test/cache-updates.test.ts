import { getQueryKey } from "@trpc/react-query";
import { describe, expect, it } from "vitest";

import { applyCacheUpdate } from "../src/live/cache-updates.ts";
import { trpc } from "../src/trpc.ts";
import { event, seededCache } from "./support/cache.ts";

/** A cache holding answers for two vehicles, their records and customers. */
function vehicleCache() {
  return seededCache({
    vehicle7: getQueryKey(trpc.vehicle.get, { id: 7 }, "query"),
    vehicle8: getQueryKey(trpc.vehicle.get, { id: 8 }, "query"),
    records7: getQueryKey(trpc.serviceRecord.list, { vehicleId: 7 }, "query"),
    records8: getQueryKey(trpc.serviceRecord.list, { vehicleId: 8 }, "query"),
    allRecords: getQueryKey(trpc.serviceRecord.list, {}, "query"),
    customers: getQueryKey(trpc.customer.list, {}, "infinite"),
  });
}

describe("live cache updates", () => {
  it("refreshes only the vehicle and record lists a new service record touches", async () => {
    const { queryClient, staleNames } = vehicleCache();

    await applyCacheUpdate(
      event("serviceRecord.created", { id: 1, vehicleId: 7 }),
      queryClient,
    );

    expect(staleNames()).toEqual(["allRecords", "records7", "vehicle7"]);
  });

  it("leaves the cache alone for a change no page caches", async () => {
    const { queryClient, staleNames } = vehicleCache();

    await applyCacheUpdate(
      event("campaign.progress", { campaignId: 3, counts: {} }),
      queryClient,
    );

    expect(staleNames()).toEqual([]);
  });

  it("ignores a vehicle event whose payload lacks the vehicle", async () => {
    const { queryClient, staleNames } = vehicleCache();

    await applyCacheUpdate(
      event("appointment.changed", { appointmentId: 2 }),
      queryClient,
    );

    expect(staleNames()).toEqual([]);
  });
});
