import type { StoredEvent } from "@rally/api";
import type { RouterOutputs } from "@rally/client";
import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";

import { trpc } from "../trpc.ts";
import { numberIn, textIn } from "./payload.ts";
import type { UpdateTable } from "./update-table.ts";

type ImportJob = RouterOutputs["import"]["get"];
type ImportPage = RouterOutputs["import"]["list"];

/** The counts and status an import.progress event carries. */
function progressIn(payload: Record<string, unknown>) {
  const status = textIn(payload, "status");
  const counts = {
    rowsRead: numberIn(payload, "rowsRead"),
    rowsOk: numberIn(payload, "rowsOk"),
    rowsFailed: numberIn(payload, "rowsFailed"),
  };
  const isWhole = Object.values(counts).every((n) => n !== undefined);

  return isWhole && status
    ? { ...(counts as Record<keyof typeof counts, number>), status }
    : undefined;
}

const cohorts = [trpc.cohort.preview, trpc.cohort.explain] as const;

const importedLists = {
  customers: [trpc.customer.list, trpc.customer.get, ...cohorts],
  vehicles: [
    trpc.customer.list,
    trpc.customer.get,
    trpc.vehicle.get,
    ...cohorts,
  ],
  serviceRecords: [
    trpc.serviceRecord.list,
    trpc.vehicle.get,
    trpc.customer.get,
    ...cohorts,
  ],
  appointments: [
    trpc.appointment.list,
    trpc.appointment.slots,
    trpc.vehicle.get,
  ],
} as const;

/** Every list and page a finished, real import of this kind may change. */
function refreshImported(
  payload: Record<string, unknown>,
  queryClient: QueryClient,
) {
  const kind = textIn(payload, "kind") ?? "";
  const touched =
    payload.isDryRun === false && Object.hasOwn(importedLists, kind)
      ? importedLists[kind as keyof typeof importedLists]
      : [];

  return Promise.all(
    touched.map((procedure) =>
      queryClient.invalidateQueries({ queryKey: getQueryKey(procedure) }),
    ),
  );
}

/**
 * Counts go straight into the cached job and its list row, so a progress
 * bar moves without a request. A new job or a finished one is fetched
 * again: the list gains a row, and the job gains its report.
 */
async function applyImportProgress(
  event: StoredEvent,
  queryClient: QueryClient,
) {
  const jobId = numberIn(event.payload, "importJobId");
  const progress = progressIn(event.payload);
  if (jobId === undefined || !progress) {
    return;
  }
  const jobKey = getQueryKey(trpc.import.get, { id: jobId }, "query");
  const listKey = getQueryKey(trpc.import.list, undefined, "infinite");
  const patch = <Job extends { id: number }>(job: Job) =>
    job.id === jobId ? { ...job, ...progress } : job;
  queryClient.setQueryData<ImportJob>(
    jobKey,
    (cached) => cached && patch(cached),
  );
  queryClient.setQueriesData<InfiniteData<ImportPage>>(
    { queryKey: listKey },
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          items: page.items.map(patch),
        })),
      },
  );
  const isFinished = progress.status !== "RUNNING";
  const isNew = progress.rowsRead === 0 && !isFinished;
  await Promise.all([
    isFinished && queryClient.invalidateQueries({ queryKey: jobKey }),
    (isNew || isFinished) &&
      queryClient.invalidateQueries({ queryKey: listKey }),
    isFinished && refreshImported(event.payload, queryClient),
  ]);
}

export const importCacheUpdates: UpdateTable = {
  "import.progress": applyImportProgress,
};
