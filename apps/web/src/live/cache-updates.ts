import type { DomainEventType, StoredEvent } from "@rally/api";
import type { Query, QueryClient } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";

import { trpc } from "../trpc.ts";
import { campaignCacheUpdates } from "./campaign-updates.ts";
import { numberIn } from "./payload.ts";

/** The input a tRPC query was made with, read from its cache key. */
function inputOf(query: Query) {
  return (query.queryKey[1] as { input?: unknown } | undefined)?.input;
}

/** Whether a list's filter takes in this vehicle: its own, or no filter. */
function listsVehicle(input: unknown, vehicleId: number) {
  const filter = (input as { vehicleId?: unknown } | undefined)?.vehicleId;

  return filter === undefined || filter === vehicleId;
}

async function refreshVehicle(event: StoredEvent, queryClient: QueryClient) {
  const vehicleId = numberIn(event.payload, "vehicleId");
  if (vehicleId === undefined) {
    return;
  }
  await Promise.all([
    queryClient.invalidateQueries({
      queryKey: getQueryKey(trpc.vehicle.get, { id: vehicleId }, "query"),
    }),
    queryClient.invalidateQueries({
      queryKey: getQueryKey(trpc.serviceRecord.list),
      predicate: (query) => listsVehicle(inputOf(query), vehicleId),
    }),
  ]);
}

/**
 * What each kind of change makes stale. Each entry refreshes only the
 * queries that show the changed rows; a type with no entry changes nothing
 * the console caches yet.
 */
export const cacheUpdates: Partial<
  Record<
    DomainEventType,
    (event: StoredEvent, queryClient: QueryClient) => Promise<void>
  >
> = {
  "serviceRecord.created": refreshVehicle,
  "appointment.changed": refreshVehicle,
};

/** Every table of updates; an event runs its entry in each. */
const updateTables = [cacheUpdates, campaignCacheUpdates];

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
