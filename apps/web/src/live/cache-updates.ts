import type { StoredEvent } from "@rally/api";
import type { QueryClient } from "@tanstack/react-query";

import { campaignCacheUpdates } from "./campaign-updates.ts";
import { conversationCacheUpdates } from "./conversation-updates.ts";
import { fleetCacheUpdates } from "./fleet-updates.ts";
import { importCacheUpdates } from "./import-updates.ts";
import { ruleCacheUpdates } from "./rule-updates.ts";
import { scheduleCacheUpdates } from "./schedule-updates.ts";
import { vehicleEmailUpdates } from "./vehicle-email-updates.ts";

/**
 * Every table of updates; an event runs its entry in each.
 *
 * What each kind of change makes stale. Each entry refreshes only the
 * queries that show the changed rows; a type with no entry changes nothing
 * the console caches yet.
 */
const updateTables = [
  fleetCacheUpdates,
  ruleCacheUpdates,
  scheduleCacheUpdates,
  conversationCacheUpdates,
  campaignCacheUpdates,
  importCacheUpdates,
  vehicleEmailUpdates,
];

export async function applyCacheUpdate(
  event: StoredEvent,
  queryClient: QueryClient,
) {
  await Promise.all(
    updateTables.map((table) => table[event.type]?.(event, queryClient)),
  );
}

/** Events were missed (too many, or too slow): any cached answer may be stale. */
export function refreshEverything(queryClient: QueryClient) {
  return queryClient.invalidateQueries();
}
