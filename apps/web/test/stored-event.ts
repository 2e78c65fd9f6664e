import type { StoredEvent } from "@rally/api";

/** An event as the subscription delivers it, for cache update tests. */
export function storedEvent(
  type: StoredEvent["type"],
  payload: object,
): StoredEvent {
  return {
    id: "1",
    type,
    campaignId: null,
    threadId: null,
    payload: { ...payload },
    createdAt: new Date("2026-06-15T12:00:00Z"),
  };
}
