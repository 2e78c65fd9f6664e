import { QueryClient, type InfiniteData } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { applyCacheUpdate } from "../src/live/cache-updates.ts";
import { SUMMARY_SETTLE_MS } from "../src/live/campaign-updates.ts";
import { trpc } from "../src/trpc.ts";
import { event } from "./support/cache.ts";

const keys = {
  campaign3: getQueryKey(trpc.campaign.get, { id: 3 }, "query"),
  campaign4: getQueryKey(trpc.campaign.get, { id: 4 }, "query"),
  list: getQueryKey(trpc.campaign.list, { limit: 25 }, "infinite"),
  emails3: getQueryKey(
    trpc.campaign.emails,
    { campaignId: 3, limit: 50 },
    "infinite",
  ),
  emails4: getQueryKey(
    trpc.campaign.emails,
    { campaignId: 4, limit: 50 },
    "infinite",
  ),
  funnel3: getQueryKey(trpc.campaign.funnel, { campaignId: 3 }, "query"),
  funnel4: getQueryKey(trpc.campaign.funnel, { campaignId: 4 }, "query"),
  summary: getQueryKey(trpc.dashboard.summary, {}, "query"),
};

function pages<T>(...items: T[][]): InfiniteData<T[]> {
  return { pages: items, pageParams: items.map((_, index) => index) };
}

/** Two campaigns' pages, their emails and funnels, and the front page. */
function seededCache() {
  const queryClient = new QueryClient();
  for (const key of Object.values(keys)) {
    queryClient.setQueryData(key, { cached: true });
  }
  for (const id of [3, 4]) {
    queryClient.setQueryData(keys[`campaign${id}` as "campaign3"], {
      id,
      counts: { QUEUED: 2 },
      emails: 2,
    });
    queryClient.setQueryData(keys[`emails${id}` as "emails3"], {
      pages: [{ items: [{ id: id * 10, status: "QUEUED" }] }],
      pageParams: [undefined],
    });
  }
  queryClient.setQueryData(
    keys.list,
    pages([
      { id: 4, counts: { QUEUED: 2 } },
      { id: 3, counts: { QUEUED: 2 } },
    ]),
  );
  const staleNames = () =>
    Object.entries(keys)
      .filter(([, key]) => queryClient.getQueryState(key)?.isInvalidated)
      .map(([name]) => name)
      .sort();

  return { queryClient, staleNames };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("live campaign updates", () => {
  it("writes a campaign's new counts into its page and list row without a request", async () => {
    const { queryClient, staleNames } = seededCache();
    const counts = { SENT: 1, DELIVERED: 1 };

    await applyCacheUpdate(
      event("campaign.progress", { campaignId: 3, counts }),
      queryClient,
    );
    await vi.advanceTimersByTimeAsync(SUMMARY_SETTLE_MS);

    expect(queryClient.getQueryData(keys.campaign3)).toEqual({
      id: 3,
      counts,
      emails: 2,
    });
    expect(queryClient.getQueryData(keys.list)).toEqual(
      pages([
        { id: 4, counts: { QUEUED: 2 } },
        { id: 3, counts },
      ]),
    );
    expect(staleNames()).toEqual(["funnel3", "summary"]);
  });

  it("changes one email's status in place in its campaign's pages", async () => {
    const { queryClient, staleNames } = seededCache();

    await applyCacheUpdate(
      event("email.status", {
        emailId: 30,
        campaignId: 3,
        from: "SENT",
        to: "DELIVERED",
      }),
      queryClient,
    );

    expect(queryClient.getQueryData(keys.emails3)).toMatchObject({
      pages: [{ items: [{ id: 30, status: "DELIVERED" }] }],
    });
    expect(queryClient.getQueryData(keys.emails4)).toMatchObject({
      pages: [{ items: [{ id: 40, status: "QUEUED" }] }],
    });
    expect(staleNames()).toEqual([]);
  });

  it("refreshes the booked campaign's funnel and the front page on a booking", async () => {
    const { queryClient, staleNames } = seededCache();

    await applyCacheUpdate(
      event("appointment.changed", {
        appointmentId: 1,
        vehicleId: 9,
        status: "SCHEDULED",
        campaignId: 4,
      }),
      queryClient,
    );
    await vi.advanceTimersByTimeAsync(SUMMARY_SETTLE_MS);

    expect(staleNames()).toEqual(["funnel4", "summary"]);
  });

  it("refetches the front page once for a burst of progress within a second", async () => {
    const { queryClient } = seededCache();
    const summary = () => queryClient.getQueryState(keys.summary);
    const progress = (sent: number) =>
      applyCacheUpdate(
        event("campaign.progress", { campaignId: 3, counts: { SENT: sent } }),
        queryClient,
      );

    await progress(1);
    await vi.advanceTimersByTimeAsync(SUMMARY_SETTLE_MS / 2);
    await progress(2);
    expect(summary()?.isInvalidated).toBe(false);
    await vi.advanceTimersByTimeAsync(SUMMARY_SETTLE_MS / 2);

    expect(summary()?.isInvalidated).toBe(true);
  });
});
