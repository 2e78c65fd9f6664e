import type { DomainEventType, StoredEvent } from "@rally/api";
import type { QueryClient } from "@tanstack/react-query";

import type { trpc } from "../trpc.ts";
import { numberIn } from "./payload.ts";

type Utils = ReturnType<typeof trpc.useUtils>;

export interface CacheContext {
  utils: Utils;
  queryClient: QueryClient;
}

/** Whether a cached query's input is about this vehicle (or about all). */
function concernsVehicle(input: unknown, vehicleId: number) {
  const filter = (input as { vehicleId?: unknown } | undefined)?.vehicleId;

  return filter === undefined || filter === vehicleId;
}

async function refreshVehicle(event: StoredEvent, { utils }: CacheContext) {
  const vehicleId = numberIn(event.payload, "vehicleId");
  if (vehicleId === undefined) {
    return;
  }
  await Promise.all([
    utils.vehicle.get.invalidate({ id: vehicleId }),
    utils.serviceRecord.list.invalidate(undefined, {
      predicate: (query) =>
        concernsVehicle(
          (query.queryKey[1] as { input?: unknown } | undefined)?.input,
          vehicleId,
        ),
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
    (event: StoredEvent, context: CacheContext) => unknown
  >
> = {
  "serviceRecord.created": refreshVehicle,
  "appointment.changed": refreshVehicle,
};

export function applyCacheUpdate(event: StoredEvent, context: CacheContext) {
  return cacheUpdates[event.type]?.(event, context);
}

/** Events were missed (too many, or too slow): every cached answer may be stale. */
export function refreshEverything({ queryClient }: CacheContext) {
  return queryClient.invalidateQueries();
}
