import type { StoredEvent } from "@rally/api";
import type { RouterOutputs } from "@rally/client";
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";

import { trpc } from "../trpc.ts";
import { numberIn, textIn } from "./payload.ts";
import type { UpdateTable } from "./update-table.ts";

type Thread = RouterOutputs["conversation"]["thread"];
type Inbox = RouterOutputs["conversation"]["list"];
type EmailStatus = Thread["messages"][number]["status"];

const listKey = () => getQueryKey(trpc.conversation.list);
const threadKey = (threadId?: number) =>
  getQueryKey(
    trpc.conversation.thread,
    threadId === undefined ? undefined : { threadId },
    "query",
  );

/** A message came or went: its thread and the inbox order change. */
async function refreshConversation(
  event: StoredEvent,
  queryClient: QueryClient,
) {
  const threadId = numberIn(event.payload, "threadId");
  if (threadId === undefined) {
    return;
  }
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: threadKey(threadId) }),
    queryClient.invalidateQueries({ queryKey: listKey() }),
  ]);
}

/** The inbox is cached as one page (the nav's count) or as pages. */
type InboxData = Inbox | { pages: Inbox[]; pageParams: unknown[] };

function pagesOf(data: InboxData) {
  return "pages" in data ? data.pages : [data];
}

function mapInbox(data: InboxData, change: (inbox: Inbox) => Inbox) {
  return "pages" in data
    ? { ...data, pages: data.pages.map(change) }
    : change(data);
}

function withoutUnread(inbox: Inbox, threadId: number, count: number): Inbox {
  return {
    items: inbox.items.map((item) =>
      item.id === threadId ? { ...item, unreadCount: 0 } : item,
    ),
    nextCursor: inbox.nextCursor,
    unread: {
      ...inbox.unread,
      messages: Math.max(0, inbox.unread.messages - count),
      threads: Math.max(0, inbox.unread.threads - 1),
    },
  };
}

/**
 * A thread was read: its count drops to nought in place. An inbox that
 * does not list the thread cannot tell its totals, so it is fetched again.
 */
async function markConversationRead(
  event: StoredEvent,
  queryClient: QueryClient,
) {
  const threadId = numberIn(event.payload, "threadId");
  if (threadId === undefined) {
    return;
  }
  queryClient.setQueryData<Thread>(threadKey(threadId), (thread) =>
    thread ? { ...thread, unreadCount: 0 } : thread,
  );
  const unlisted: QueryKey[] = [];
  for (const [queryKey, data] of queryClient.getQueriesData<InboxData>({
    queryKey: listKey(),
  })) {
    if (!data) {
      continue;
    }
    const row = pagesOf(data)
      .flatMap((inbox) => inbox.items)
      .find((item) => item.id === threadId);
    if (!row) {
      unlisted.push(queryKey);
    } else if (row.unreadCount > 0) {
      const count = row.unreadCount;
      queryClient.setQueryData<InboxData>(
        queryKey,
        mapInbox(data, (inbox) => withoutUnread(inbox, threadId, count)),
      );
    }
  }
  await Promise.all(
    unlisted.map((queryKey) =>
      queryClient.invalidateQueries({ queryKey, exact: true }),
    ),
  );
}

/**
 * An email moved on (queued, sent, delivered...): its badge changes in
 * every open thread and inbox row showing it, without a refetch. A fetch
 * already under way may have read the old status, so it starts again.
 */
async function patchEmailStatus(event: StoredEvent, queryClient: QueryClient) {
  const emailId = numberIn(event.payload, "emailId");
  const status = textIn(event.payload, "to") as EmailStatus | undefined;
  if (emailId === undefined || status === undefined) {
    return;
  }
  const touched: QueryKey[] = [];
  for (const [queryKey, thread] of queryClient.getQueriesData<Thread>({
    queryKey: threadKey(),
  })) {
    if (!thread?.messages.some((message) => message.id === emailId)) {
      continue;
    }
    touched.push(queryKey);
    queryClient.setQueryData<Thread>(queryKey, {
      ...thread,
      messages: thread.messages.map((message) =>
        message.id === emailId ? { ...message, status } : message,
      ),
    });
  }
  queryClient.setQueriesData<InboxData>(
    { queryKey: listKey() },
    (data) =>
      data && mapInbox(data, (inbox) => withStatus(inbox, emailId, status)),
  );
  await Promise.all(
    touched
      .filter((queryKey) => queryClient.isFetching({ queryKey }) > 0)
      .map((queryKey) =>
        queryClient.invalidateQueries({ queryKey, exact: true }),
      ),
  );
}

function withStatus(inbox: Inbox, emailId: number, status: EmailStatus) {
  if (!inbox.items.some((item) => item.lastMessage?.id === emailId)) {
    return inbox;
  }

  return {
    ...inbox,
    items: inbox.items.map((item) =>
      item.lastMessage?.id === emailId
        ? { ...item, lastMessage: { ...item.lastMessage, status } }
        : item,
    ),
  };
}

/** What the inbox and its threads show, per event type. */
export const conversationCacheUpdates: UpdateTable = {
  "conversation.message": refreshConversation,
  "conversation.read": markConversationRead,
  "email.status": patchEmailStatus,
};
