import type { StoredEvent } from "@rally/api";
import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useState, type ReactNode } from "react";

import { trpc } from "../trpc.ts";
import { createActivityFeed, type ActivityFeed } from "./activity-feed.ts";
import { applyCacheUpdate, refreshEverything } from "./cache-updates.ts";

const FeedContext = createContext<ActivityFeed | null>(null);

/**
 * One subscription to every change for the whole console: each event
 * refreshes the cached queries it affects and joins the activity feed.
 * After a drop the client resumes from the last event id it saw, so
 * nothing is missed and nothing is polled.
 */
export function LiveEvents({ children }: { children: ReactNode }) {
  const [feed] = useState(createActivityFeed);
  const queryClient = useQueryClient();

  trpc.events.onAll.useSubscription(
    {},
    {
      onData: ({ data }) => {
        if (data.kind === "refetch") {
          void refreshEverything(queryClient);

          return;
        }
        for (const event of data.events as StoredEvent[]) {
          void applyCacheUpdate(event, queryClient);
          feed.add(event);
        }
      },
    },
  );

  return <FeedContext value={feed}>{children}</FeedContext>;
}

export function useActivityFeed() {
  const feed = useContext(FeedContext);
  if (!feed) {
    throw new Error("useActivityFeed needs <LiveEvents> above it");
  }

  return feed;
}
