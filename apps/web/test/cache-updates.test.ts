import { QueryClient } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";
import { describe, expect, it } from "vitest";

import { applyCacheUpdate } from "../src/live/cache-updates.ts";
import { trpc } from "../src/trpc.ts";
import { storedEvent as event } from "./stored-event.ts";

/** A cache holding answers for two vehicles, their records and customers. */
function seededCache() {
  const queryClient = new QueryClient();
  const keys = {
    vehicle7: getQueryKey(trpc.vehicle.get, { id: 7 }, "query"),
    vehicle8: getQueryKey(trpc.vehicle.get, { id: 8 }, "query"),
    records7: getQueryKey(trpc.serviceRecord.list, { vehicleId: 7 }, "query"),
    records8: getQueryKey(trpc.serviceRecord.list, { vehicleId: 8 }, "query"),
    allRecords: getQueryKey(trpc.serviceRecord.list, {}, "query"),
    customers: getQueryKey(trpc.customer.list, {}, "infinite"),
  };
  for (const key of Object.values(keys)) {
    queryClient.setQueryData(key, { cached: true });
  }
  const staleNames = () =>
    Object.entries(keys)
      .filter(([, key]) => queryClient.getQueryState(key)?.isInvalidated)
      .map(([name]) => name)
      .sort();

  return { queryClient, staleNames };
}

describe("live cache updates", () => {
  it("refreshes only the vehicle and record lists a new service record touches", async () => {
    const { queryClient, staleNames } = seededCache();

    await applyCacheUpdate(
      event("serviceRecord.created", { id: 1, vehicleId: 7 }),
      queryClient,
    );

    expect(staleNames()).toEqual(["allRecords", "records7", "vehicle7"]);
  });

  it("leaves the cache alone for a change no page caches", async () => {
    const { queryClient, staleNames } = seededCache();

    await applyCacheUpdate(
      event("campaign.progress", { campaignId: 3, counts: {} }),
      queryClient,
    );

    expect(staleNames()).toEqual([]);
  });

  it("ignores a vehicle event whose payload lacks the vehicle", async () => {
    const { queryClient, staleNames } = seededCache();

    await applyCacheUpdate(
      event("appointment.changed", { appointmentId: 2 }),
      queryClient,
    );

    expect(staleNames()).toEqual([]);
  });
});
