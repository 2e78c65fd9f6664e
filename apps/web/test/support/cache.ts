import type { StoredEvent } from "@rally/api";
import { QueryClient, type QueryKey } from "@tanstack/react-query";

export function event(type: StoredEvent["type"], payload: object): StoredEvent {
  return {
    id: "1",
    type,
    campaignId: null,
    threadId: null,
    payload: { ...payload },
    createdAt: new Date("2026-06-15T12:00:00Z"),
  };
}

/** A cache holding an answer under each named key, to see which go stale. */
export function seededCache(keys: Record<string, QueryKey>) {
  const queryClient = new QueryClient();
  for (const key of Object.values(keys)) {
    queryClient.setQueryData(key, { cached: true });
  }
  const staleNames = () =>
    Object.entries(keys)
      .filter(([, key]) => queryClient.getQueryState(key)?.isInvalidated)
      .map(([name]) => name)
      .sort();

  return { queryClient, staleNames };
}
