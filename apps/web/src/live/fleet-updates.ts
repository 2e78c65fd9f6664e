import type { StoredEvent } from "@rally/api";
import type { Query, QueryClient } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";

import { trpc } from "../trpc.ts";
import { numberIn, textIn } from "./payload.ts";
import { refreshCohorts } from "./rule-updates.ts";
import { inputOf, type UpdateTable } from "./update-table.ts";

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

/** Whether a cached answer lists one of these ids among its `key` rows. */
function holdsAny(data: unknown, key: "vehicles" | "items", ids: number[]) {
  const rows = (data as Record<string, unknown> | undefined)?.[key];

  return (
    Array.isArray(rows) &&
    rows.some((row: { id?: unknown }) => ids.includes(row.id as number))
  );
}

/** Customer list pages (an infinite query) that show one of these owners. */
function listsCustomer(query: Query, customerIds: number[]) {
  const pages = (query.state.data as { pages?: unknown[] } | undefined)?.pages;

  return pages?.some((page) => holdsAny(page, "items", customerIds)) ?? false;
}

/** A new service record also moves the vehicle's estimated mileage. */
async function refreshServicedVehicle(
  event: StoredEvent,
  queryClient: QueryClient,
) {
  const vehicleId = numberIn(event.payload, "vehicleId");
  await Promise.all([
    refreshVehicle(event, queryClient),
    vehicleId !== undefined &&
      queryClient.invalidateQueries({
        queryKey: getQueryKey(trpc.customer.get),
        predicate: (query) =>
          holdsAny(query.state.data, "vehicles", [vehicleId]),
      }),
  ]);
}

/**
 * A customer's page, every customer list (a new name or address may now
 * match a search), the pages of vehicles showing them as owner, and, for
 * an edit, cohort answers (an address decides who can be emailed).
 */
async function refreshCustomer(event: StoredEvent, queryClient: QueryClient) {
  const customerId = numberIn(event.payload, "customerId");
  if (customerId === undefined) {
    return;
  }
  const isEdit = textIn(event.payload, "change") === "updated";
  await Promise.all([
    queryClient.invalidateQueries({
      queryKey: getQueryKey(trpc.customer.get, { id: customerId }, "query"),
    }),
    queryClient.invalidateQueries({
      queryKey: getQueryKey(trpc.customer.list),
    }),
    queryClient.invalidateQueries({
      queryKey: getQueryKey(trpc.vehicle.get),
      predicate: (query) =>
        (query.state.data as { customer?: { id?: unknown } } | undefined)
          ?.customer?.id === customerId,
    }),
    isEdit && refreshCohorts(queryClient),
  ]);
}

/**
 * The vehicle's page, its owners' pages and list rows (old and new owner
 * when it changed hands), and, for an edit, cohort answers (status, make
 * and model decide who is due).
 */
async function refreshOwnedVehicle(
  event: StoredEvent,
  queryClient: QueryClient,
) {
  const vehicleId = numberIn(event.payload, "vehicleId");
  const owners = ["customerId", "previousCustomerId"].flatMap((key) => {
    const id = numberIn(event.payload, key);

    return id === undefined ? [] : [id];
  });
  if (vehicleId === undefined) {
    return;
  }
  const isEdit = textIn(event.payload, "change") === "updated";
  await Promise.all([
    queryClient.invalidateQueries({
      queryKey: getQueryKey(trpc.vehicle.get, { id: vehicleId }, "query"),
    }),
    ...owners.map((id) =>
      queryClient.invalidateQueries({
        queryKey: getQueryKey(trpc.customer.get, { id }, "query"),
      }),
    ),
    queryClient.invalidateQueries({
      queryKey: getQueryKey(trpc.customer.list),
      predicate: (query) => listsCustomer(query, owners),
    }),
    isEdit && refreshCohorts(queryClient),
  ]);
}

/** An appointment came, moved or ended: the lists and free slots change. */
async function refreshAppointments(
  event: StoredEvent,
  queryClient: QueryClient,
) {
  await Promise.all([
    refreshVehicle(event, queryClient),
    queryClient.invalidateQueries({
      queryKey: getQueryKey(trpc.appointment.list),
    }),
    queryClient.invalidateQueries({
      queryKey: getQueryKey(trpc.appointment.slots),
    }),
  ]);
}

/** What customers, their vehicles, service records and appointments show. */
export const fleetCacheUpdates: UpdateTable = {
  "serviceRecord.created": refreshServicedVehicle,
  "appointment.changed": refreshAppointments,
  "customer.changed": refreshCustomer,
  "vehicle.changed": refreshOwnedVehicle,
};
