import type { DomainEventType, StoredEvent } from "@rally/api";
import type { Query, QueryClient } from "@tanstack/react-query";

/** One domain's cache updates: per event type, what it refreshes. */
export type UpdateTable = Partial<
  Record<
    DomainEventType,
    (event: StoredEvent, queryClient: QueryClient) => Promise<void>
  >
>;

/** The input a tRPC query was made with, read from its cache key. */
export function inputOf(query: Query) {
  return (query.queryKey[1] as { input?: unknown } | undefined)?.input;
}
