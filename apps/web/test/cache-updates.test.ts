import { QueryClient } from "@tanstack/react-query";
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

/** A cache holding the given answers, and which of them went stale. */
function cacheWith(entries: Record<string, [readonly unknown[], unknown]>) {
  const queryClient = new QueryClient();
  for (const [key, data] of Object.values(entries)) {
    queryClient.setQueryData([...key], data);
  }
  const staleNames = () =>
    Object.entries(entries)
      .filter(([, [key]]) => queryClient.getQueryState([...key])?.isInvalidated)
      .map(([name]) => name)
      .sort();

  return { queryClient, staleNames };
}

const ownedBy = (customerId: number) => ({ customer: { id: customerId } });
const owning = (...vehicleIds: number[]) => ({
  vehicles: vehicleIds.map((id) => ({ id })),
});
const listPage = (...customerIds: number[]) => ({
  pages: [{ items: customerIds.map((id) => ({ id })) }],
  pageParams: [null],
});

describe("live cache updates for rules, customers and vehicles", () => {
  it("refreshes a changed rule, the rule lists and that rule's previews", async () => {
    const { queryClient, staleNames } = cacheWith({
      rule3: [getQueryKey(trpc.rule.get, { id: 3 }, "query"), {}],
      rule4: [getQueryKey(trpc.rule.get, { id: 4 }, "query"), {}],
      rules: [getQueryKey(trpc.rule.list, {}, "query"), {}],
      archived: [
        getQueryKey(trpc.rule.list, { isArchived: true }, "query"),
        {},
      ],
      preview3: [
        getQueryKey(trpc.cohort.preview, { ruleId: 3, limit: 50 }, "query"),
        {},
      ],
      preview4: [
        getQueryKey(trpc.cohort.preview, { ruleId: 4, limit: 50 }, "query"),
        {},
      ],
      explain3: [
        getQueryKey(trpc.cohort.explain, { ruleId: 3, vehicleId: 1 }, "query"),
        {},
      ],
    });

    await applyCacheUpdate(
      event("rule.changed", { ruleId: 3, change: "updated" }),
      queryClient,
    );

    expect(staleNames()).toEqual([
      "archived",
      "explain3",
      "preview3",
      "rule3",
      "rules",
    ]);
  });

  it("refreshes an edited customer's page, lists, vehicles and cohorts", async () => {
    const { queryClient, staleNames } = cacheWith({
      customer5: [getQueryKey(trpc.customer.get, { id: 5 }, "query"), {}],
      customer6: [getQueryKey(trpc.customer.get, { id: 6 }, "query"), {}],
      customers: [getQueryKey(trpc.customer.list, {}, "infinite"), {}],
      vehicle7: [getQueryKey(trpc.vehicle.get, { id: 7 }, "query"), ownedBy(5)],
      vehicle8: [getQueryKey(trpc.vehicle.get, { id: 8 }, "query"), ownedBy(6)],
      preview: [getQueryKey(trpc.cohort.preview, { ruleId: 1 }, "query"), {}],
    });

    await applyCacheUpdate(
      event("customer.changed", { customerId: 5, change: "updated" }),
      queryClient,
    );

    expect(staleNames()).toEqual([
      "customer5",
      "customers",
      "preview",
      "vehicle7",
    ]);
  });

  it("refreshes both owners of a vehicle that changed hands", async () => {
    const { queryClient, staleNames } = cacheWith({
      vehicle7: [getQueryKey(trpc.vehicle.get, { id: 7 }, "query"), ownedBy(6)],
      vehicle8: [getQueryKey(trpc.vehicle.get, { id: 8 }, "query"), ownedBy(6)],
      customer5: [getQueryKey(trpc.customer.get, { id: 5 }, "query"), {}],
      customer6: [getQueryKey(trpc.customer.get, { id: 6 }, "query"), {}],
      customer9: [getQueryKey(trpc.customer.get, { id: 9 }, "query"), {}],
      listWith5: [
        getQueryKey(trpc.customer.list, { search: "a" }, "infinite"),
        listPage(1, 5),
      ],
      listWithout: [
        getQueryKey(trpc.customer.list, { search: "b" }, "infinite"),
        listPage(9),
      ],
      preview: [getQueryKey(trpc.cohort.preview, { ruleId: 1 }, "query"), {}],
    });

    await applyCacheUpdate(
      event("vehicle.changed", {
        vehicleId: 7,
        customerId: 6,
        previousCustomerId: 5,
        change: "updated",
      }),
      queryClient,
    );

    expect(staleNames()).toEqual([
      "customer5",
      "customer6",
      "listWith5",
      "preview",
      "vehicle7",
    ]);
  });

  it("leaves cohorts alone for a new vehicle, which has no history yet", async () => {
    const { queryClient, staleNames } = cacheWith({
      customer5: [getQueryKey(trpc.customer.get, { id: 5 }, "query"), {}],
      preview: [getQueryKey(trpc.cohort.preview, { ruleId: 1 }, "query"), {}],
    });

    await applyCacheUpdate(
      event("vehicle.changed", {
        vehicleId: 7,
        customerId: 5,
        change: "created",
      }),
      queryClient,
    );

    expect(staleNames()).toEqual(["customer5"]);
  });

  it("refreshes the owner's page when a service moves a vehicle's mileage", async () => {
    const { queryClient, staleNames } = cacheWith({
      owner: [getQueryKey(trpc.customer.get, { id: 5 }, "query"), owning(7)],
      other: [getQueryKey(trpc.customer.get, { id: 6 }, "query"), owning(8)],
    });

    await applyCacheUpdate(
      event("serviceRecord.created", { id: 1, vehicleId: 7 }),
      queryClient,
    );

    expect(staleNames()).toEqual(["owner"]);
  });
});
