import { QueryClient } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";
import { describe, expect, it } from "vitest";

import { applyCacheUpdate } from "../src/live/cache-updates.ts";
import { trpc } from "../src/trpc.ts";
import { event } from "./support/cache.ts";

function row(id: number, unreadCount: number, lastEmailId: number) {
  return {
    id,
    unreadCount,
    lastMessage: { id: lastEmailId, status: "QUEUED" },
  };
}

/** Two open threads, the inbox as pages, the nav's one-row inbox. */
function seededCache() {
  const queryClient = new QueryClient();
  const keys = {
    thread1: getQueryKey(trpc.conversation.thread, { threadId: 1 }, "query"),
    thread2: getQueryKey(trpc.conversation.thread, { threadId: 2 }, "query"),
    inbox: getQueryKey(
      trpc.conversation.list,
      { filter: "all", limit: 50 },
      "infinite",
    ),
    navCount: getQueryKey(trpc.conversation.list, { limit: 1 }, "query"),
    appointments: getQueryKey(
      trpc.appointment.list,
      { limit: 100 },
      "infinite",
    ),
  };
  queryClient.setQueryData(keys.thread1, {
    id: 1,
    unreadCount: 2,
    messages: [{ id: 10, status: "QUEUED" }],
  });
  queryClient.setQueryData(keys.thread2, {
    id: 2,
    unreadCount: 0,
    messages: [{ id: 20, status: "SENT" }],
  });
  queryClient.setQueryData(keys.inbox, {
    pages: [
      {
        items: [row(1, 2, 10), row(2, 0, 20)],
        unread: { messages: 3, threads: 2, needsReply: 1 },
      },
    ],
    pageParams: [undefined],
  });
  queryClient.setQueryData(keys.navCount, {
    items: [row(3, 1, 30)],
    unread: { messages: 3, threads: 2, needsReply: 1 },
  });
  queryClient.setQueryData(keys.appointments, { pages: [], pageParams: [] });
  const staleNames = () =>
    Object.entries(keys)
      .filter(([, key]) => queryClient.getQueryState(key)?.isInvalidated)
      .map(([name]) => name)
      .sort();

  return { queryClient, keys, staleNames };
}

describe("live conversation and booking updates", () => {
  it("refreshes the thread a message joins and the inbox, not other threads", async () => {
    const { queryClient, staleNames } = seededCache();

    await applyCacheUpdate(
      event("conversation.message", {
        threadId: 1,
        emailId: 11,
        direction: "INBOUND",
      }),
      queryClient,
    );

    expect(staleNames()).toEqual(["inbox", "navCount", "thread1"]);
  });

  it("changes an email's status in place wherever it shows, fetching nothing", async () => {
    const { queryClient, keys, staleNames } = seededCache();

    await applyCacheUpdate(
      event("email.status", { emailId: 10, from: "QUEUED", to: "DELIVERED" }),
      queryClient,
    );

    expect(queryClient.getQueryData(keys.thread1)).toMatchObject({
      messages: [{ id: 10, status: "DELIVERED" }],
    });
    expect(queryClient.getQueryData(keys.inbox)).toMatchObject({
      pages: [{ items: [{ lastMessage: { status: "DELIVERED" } }, {}] }],
    });
    expect(queryClient.getQueryData(keys.thread2)).toMatchObject({
      messages: [{ id: 20, status: "SENT" }],
    });
    expect(staleNames()).toEqual([]);
  });

  it("clears a read thread's count in place and refetches an inbox that does not list it", async () => {
    const { queryClient, keys, staleNames } = seededCache();

    await applyCacheUpdate(
      event("conversation.read", { threadId: 1 }),
      queryClient,
    );

    expect(queryClient.getQueryData(keys.thread1)).toMatchObject({
      unreadCount: 0,
    });
    expect(queryClient.getQueryData(keys.inbox)).toMatchObject({
      pages: [
        {
          items: [{ id: 1, unreadCount: 0 }, {}],
          unread: { messages: 1, threads: 1 },
        },
      ],
    });
    expect(staleNames()).toEqual(["navCount"]);
  });

  it("refreshes the appointment lists when an appointment changes", async () => {
    const { queryClient, staleNames } = seededCache();

    await applyCacheUpdate(
      event("appointment.changed", {
        appointmentId: 4,
        vehicleId: 7,
        status: "CANCELLED",
      }),
      queryClient,
    );

    expect(staleNames()).toEqual(["appointments"]);
  });
});
