import type { StoredEvent } from "@rally/api";
import type { QueryClient } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";

import { trpc } from "../trpc.ts";
import { numberIn, textIn } from "./payload.ts";
import type { UpdateTable } from "./update-table.ts";

/** A schedule was created, edited, paused, resumed, cancelled or deleted. */
async function refreshSchedule(event: StoredEvent, queryClient: QueryClient) {
  const isRecurring = textIn(event.payload, "kind") === "recurring";
  await queryClient.invalidateQueries({
    queryKey: isRecurring
      ? getQueryKey(trpc.recurring.list)
      : getQueryKey(trpc.schedule.list),
  });
}

/**
 * A run started or finished: its schedule's history, and the list that
 * shows it (a recurring schedule's last run, or the one-off itself).
 */
async function refreshRun(event: StoredEvent, queryClient: QueryClient) {
  const scheduleId = numberIn(event.payload, "scheduleId");
  const runId = numberIn(event.payload, "scheduledCampaignId");
  const touched =
    scheduleId === undefined
      ? [getQueryKey(trpc.schedule.list)]
      : [
          getQueryKey(trpc.recurring.runs, { id: scheduleId }),
          getQueryKey(trpc.recurring.list),
        ];
  if (runId !== undefined) {
    touched.push(getQueryKey(trpc.schedule.get, { id: runId }, "query"));
  }
  await Promise.all(
    touched.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}

async function refreshSettings(_event: StoredEvent, queryClient: QueryClient) {
  await queryClient.invalidateQueries({
    queryKey: getQueryKey(trpc.settings.get),
  });
}

/** What schedules, their runs and the settings show, per event type. */
export const scheduleCacheUpdates: UpdateTable = {
  "schedule.changed": refreshSchedule,
  "schedule.run": refreshRun,
  "settings.changed": refreshSettings,
};
