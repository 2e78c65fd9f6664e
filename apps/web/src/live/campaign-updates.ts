import type { StoredEvent } from "@rally/api";
import type { RouterOutputs } from "@rally/client";
import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";

import { trpc } from "../trpc.ts";
import { numberIn, textIn } from "./payload.ts";
import type { UpdateTable } from "./update-table.ts";

type Campaign = RouterOutputs["campaign"]["get"];
type CampaignPage = RouterOutputs["campaign"]["list"];
type EmailPage = RouterOutputs["campaign"]["emails"];
type Counts = Campaign["counts"];

/** The counts a progress event carries, read without zod. */
function countsIn(payload: Record<string, unknown>): Counts | undefined {
  const counts = payload.counts;
  if (typeof counts !== "object" || counts === null) {
    return undefined;
  }

  return Object.fromEntries(
    Object.entries(counts).filter(([, n]) => typeof n === "number"),
  ) as Counts;
}

function sum(counts: Counts) {
  return Object.values(counts).reduce((total, n) => total + (n ?? 0), 0);
}

function campaignOf(queryInput: unknown) {
  return (queryInput as { campaignId?: unknown } | undefined)?.campaignId;
}

/** Whether a query's input (from its cache key) is about this campaign. */
function isAbout(queryKey: readonly unknown[], campaignId: number) {
  const input = (queryKey[1] as { input?: unknown } | undefined)?.input;
  const filter = campaignOf(input);

  return filter === undefined || filter === campaignId;
}

/**
 * New per-status counts go straight into the cached campaign and the list
 * rows that show it, so progress bars move without a request; the funnel
 * and the front page, which count more than emails, are refetched.
 */
async function applyProgress(event: StoredEvent, queryClient: QueryClient) {
  const campaignId = numberIn(event.payload, "campaignId");
  const counts = countsIn(event.payload);
  if (campaignId === undefined || !counts) {
    return;
  }
  queryClient.setQueryData<Campaign>(
    getQueryKey(trpc.campaign.get, { id: campaignId }, "query"),
    (campaign) => campaign && { ...campaign, counts, emails: sum(counts) },
  );
  queryClient.setQueriesData<InfiniteData<CampaignPage>>(
    { queryKey: getQueryKey(trpc.campaign.list, undefined, "infinite") },
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page) =>
          page.map((row) => (row.id === campaignId ? { ...row, counts } : row)),
        ),
      },
  );
  await Promise.all([
    refreshFunnel(campaignId, queryClient),
    refreshSummary(queryClient),
  ]);
}

/** A campaign that starts, pauses or ends: its page, the list, the cohorts. */
async function applyCampaignStatus(
  event: StoredEvent,
  queryClient: QueryClient,
) {
  const campaignId = numberIn(event.payload, "campaignId");
  if (campaignId === undefined) {
    return;
  }
  await Promise.all([
    queryClient.invalidateQueries({
      queryKey: getQueryKey(trpc.campaign.get, { id: campaignId }, "query"),
    }),
    queryClient.invalidateQueries({
      queryKey: getQueryKey(trpc.campaign.list),
    }),
    queryClient.invalidateQueries({
      queryKey: getQueryKey(trpc.dashboard.dueByRule),
    }),
    refreshSummary(queryClient),
  ]);
}

/** An email's new status, written into the cached page that lists it. */
function applyEmailStatus(event: StoredEvent, queryClient: QueryClient) {
  const emailId = numberIn(event.payload, "emailId");
  const campaignId = numberIn(event.payload, "campaignId");
  const status = textIn(event.payload, "to") as
    EmailPage["items"][number]["status"] | undefined;
  if (emailId === undefined || campaignId === undefined || !status) {
    return Promise.resolve();
  }
  queryClient.setQueriesData<InfiniteData<EmailPage>>(
    {
      queryKey: getQueryKey(trpc.campaign.emails, undefined, "infinite"),
      predicate: (query) => isAbout(query.queryKey, campaignId),
    },
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          items: page.items.map((email) =>
            email.id === emailId ? { ...email, status } : email,
          ),
        })),
      },
  );

  return Promise.resolve();
}

function refreshFunnel(campaignId: number, queryClient: QueryClient) {
  return queryClient.invalidateQueries({
    queryKey: getQueryKey(trpc.campaign.funnel),
    predicate: (query) => isAbout(query.queryKey, campaignId),
  });
}

/** How long the front page's aggregates wait to take in a burst of changes. */
export const SUMMARY_SETTLE_MS = 1_000;

const pendingSummaries = new WeakSet<QueryClient>();

/**
 * The summary is several aggregate queries, and a large send reports
 * progress every 250 ms: it is refetched at most once a second, a second
 * after the first change it does not show yet, and that refetch takes in
 * every change made meanwhile.
 */
function refreshSummary(queryClient: QueryClient) {
  if (!pendingSummaries.has(queryClient)) {
    pendingSummaries.add(queryClient);
    setTimeout(() => {
      pendingSummaries.delete(queryClient);
      void queryClient.invalidateQueries({
        queryKey: getQueryKey(trpc.dashboard.summary),
      });
    }, SUMMARY_SETTLE_MS);
  }

  return Promise.resolve();
}

/** A booking moves a campaign's funnel, the front page and who is due. */
async function applyAppointment(event: StoredEvent, queryClient: QueryClient) {
  const campaignId = numberIn(event.payload, "campaignId");
  await Promise.all([
    campaignId === undefined
      ? Promise.resolve()
      : refreshFunnel(campaignId, queryClient),
    refreshSummary(queryClient),
    queryClient.invalidateQueries({
      queryKey: getQueryKey(trpc.dashboard.dueByRule),
    }),
  ]);
}

/** A reply counts in every funnel it could belong to and on the front page. */
async function applyMessage(event: StoredEvent, queryClient: QueryClient) {
  const isInbound = textIn(event.payload, "direction") === "INBOUND";
  await Promise.all([
    isInbound
      ? queryClient.invalidateQueries({
          queryKey: getQueryKey(trpc.campaign.funnel),
        })
      : Promise.resolve(),
    refreshSummary(queryClient),
  ]);
}

const refreshDueByRule = (_event: StoredEvent, queryClient: QueryClient) =>
  queryClient.invalidateQueries({
    queryKey: getQueryKey(trpc.dashboard.dueByRule),
  });

const refreshFrontPage = (_event: StoredEvent, queryClient: QueryClient) =>
  refreshSummary(queryClient);

/** What campaigns, their emails and the front page show, per event type. */
export const campaignCacheUpdates: UpdateTable = {
  "campaign.progress": applyProgress,
  "campaign.status": applyCampaignStatus,
  "email.status": applyEmailStatus,
  "appointment.changed": applyAppointment,
  "conversation.message": applyMessage,
  "conversation.read": refreshFrontPage,
  "schedule.changed": refreshFrontPage,
  "schedule.run": refreshFrontPage,
  "serviceRecord.created": refreshDueByRule,
};
