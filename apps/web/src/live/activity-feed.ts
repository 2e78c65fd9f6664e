import type { StoredEvent } from "@rally/api";

import { createStore, useStore } from "./store.ts";

/** How many recent changes the feed keeps; older ones drop off the end. */
export const FEED_SIZE = 100;

/** The changes heard since the console opened, newest first. */
export function createActivityFeed() {
  const store = createStore<StoredEvent[]>([]);

  return {
    ...store,
    add(event: StoredEvent) {
      store.set([event, ...store.get()].slice(0, FEED_SIZE));
    },
  };
}

export type ActivityFeed = ReturnType<typeof createActivityFeed>;

export function useFeedEvents(feed: ActivityFeed) {
  return useStore(feed);
}
