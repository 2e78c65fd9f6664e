import {
  Badge,
  Group,
  NavLink,
  SegmentedControl,
  Stack,
  Text,
  VisuallyHidden,
} from "@mantine/core";
import type { RouterOutputs } from "@rally/client";
import { useState } from "react";
import { Link } from "react-router";

import { QueryError } from "../../forms/query-error.tsx";
import { formatDateTime } from "../../format.ts";
import { LoadMore } from "../../shell/load-more.tsx";
import { PageLoader } from "../../shell/page-loader.tsx";
import { trpc } from "../../trpc.ts";

type ThreadRow = RouterOutputs["conversation"]["list"]["items"][number];
type Filter = "all" | "needs-reply" | "unmatched";

const PAGE_SIZE = 50;

export function correspondent(thread: {
  customer: { firstName: string; lastName: string } | null;
  fromAddress: string | null;
}) {
  return thread.customer
    ? `${thread.customer.firstName} ${thread.customer.lastName}`
    : (thread.fromAddress ?? "Unknown sender");
}

function ThreadLink(props: { thread: ThreadRow; isCurrent: boolean }) {
  const { thread, isCurrent } = props;
  const last = thread.lastMessage;
  const who = correspondent(thread);

  return (
    <NavLink
      component={Link}
      to={`/conversations/${thread.id}`}
      active={isCurrent}
      aria-current={isCurrent ? "page" : undefined}
      label={
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text fw={thread.unreadCount > 0 ? 700 : 500} size="sm" truncate>
            {who}
          </Text>
          {thread.unreadCount > 0 ? (
            <Badge size="sm">
              {thread.unreadCount}
              <VisuallyHidden> unread</VisuallyHidden>
            </Badge>
          ) : null}
        </Group>
      }
      description={
        <Stack gap={0}>
          <Text size="xs" c="var(--mantine-color-text)" truncate>
            {thread.subject}
          </Text>
          {last ? (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {last.direction === "OUTBOUND" ? "You: " : ""}
              {last.preview || "(no text)"} · {formatDateTime(last.createdAt)}
            </Text>
          ) : null}
        </Stack>
      }
    />
  );
}

/** Threads with the newest activity first; unread ones in bold. */
export function InboxList(props: { currentThreadId: number | null }) {
  const [filter, setFilter] = useState<Filter>("all");
  const list = trpc.conversation.list.useInfiniteQuery(
    { filter, limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const threads = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="xs" component="nav" aria-label="Inbox">
      <SegmentedControl
        aria-label="Show"
        size="xs"
        value={filter}
        onChange={(value) => setFilter(value as Filter)}
        data={[
          { value: "all", label: "All" },
          { value: "needs-reply", label: "Needs reply" },
          { value: "unmatched", label: "Unmatched" },
        ]}
      />
      {list.error ? <QueryError error={list.error} /> : null}
      {list.isPending ? (
        <PageLoader />
      ) : threads.length === 0 ? (
        <Text c="dimmed">No conversations.</Text>
      ) : (
        threads.map((thread) => (
          <ThreadLink
            key={thread.id}
            thread={thread}
            isCurrent={thread.id === props.currentThreadId}
          />
        ))
      )}
      <LoadMore query={list} />
    </Stack>
  );
}
