import { QueryClient } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";
import { describe, expect, it } from "vitest";

import { applyCacheUpdate } from "../src/live/cache-updates.ts";
import { trpc } from "../src/trpc.ts";
import { event } from "./support/cache.ts";

const vehicleKey = (id: number) =>
  getQueryKey(trpc.vehicle.get, { id }, "query");

function vehiclePages() {
  const queryClient = new QueryClient();
  queryClient.setQueryData(vehicleKey(7), {
    id: 7,
    emails: [
      { id: 5, status: "SENT" },
      { id: 4, status: "DELIVERED" },
    ],
  });
  queryClient.setQueryData(vehicleKey(8), {
    id: 8,
    emails: [{ id: 6, status: "SENT" }],
  });
  const statuses = (id: number) =>
    (
      queryClient.getQueryData(vehicleKey(id)) as {
        emails: { id: number; status: string }[];
      }
    ).emails.map((email) => `${email.id}:${email.status}`);

  return { queryClient, statuses };
}

describe("vehicle pages' emails", () => {
  it("change one email's status in place, on the pages that list it", async () => {
    const { queryClient, statuses } = vehiclePages();

    await applyCacheUpdate(
      event("email.status", { emailId: 5, from: "SENT", to: "DELIVERED" }),
      queryClient,
    );

    expect(statuses(7)).toEqual(["5:DELIVERED", "4:DELIVERED"]);
    expect(statuses(8)).toEqual(["6:SENT"]);
    expect(queryClient.getQueryState(vehicleKey(7))?.isInvalidated).toBe(false);
  });

  it("refresh when a campaign is queued, which may email any vehicle", async () => {
    const { queryClient } = vehiclePages();

    await applyCacheUpdate(
      event("campaign.status", { campaignId: 3, status: "QUEUED" }),
      queryClient,
    );

    expect(queryClient.getQueryState(vehicleKey(8))?.isInvalidated).toBe(true);
  });
});
