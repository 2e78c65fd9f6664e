import { Anchor, Badge, Group, Stack, Text, Title } from "@mantine/core";
import { useEffect } from "react";
import { Link } from "react-router";

import { QueryError } from "../../forms/query-error.tsx";
import { PageLoader } from "../../shell/page-loader.tsx";
import { trpc } from "../../trpc.ts";
import { correspondent } from "./inbox-list.tsx";
import { MessageItem } from "./message-item.tsx";
import { ReplyForm } from "./reply-form.tsx";

/**
 * Marks the thread read whenever it shows unread messages: on opening,
 * and again when a reply arrives while it is open.
 */
function useMarkRead(
  thread: { id: number; unreadCount: number } | undefined,
  canAct: boolean,
) {
  const markRead = trpc.conversation.markRead.useMutation();
  const { mutate } = markRead;
  const threadId = thread?.id;
  const isUnread = (thread?.unreadCount ?? 0) > 0;
  useEffect(() => {
    if (canAct && isUnread && threadId !== undefined) {
      mutate({ threadId });
    }
  }, [canAct, isUnread, threadId, mutate]);
}

/** One conversation: its messages in order, and the reply box. */
export function ThreadView(props: { threadId: number; canAct: boolean }) {
  const { threadId, canAct } = props;
  const thread = trpc.conversation.thread.useQuery({ threadId });
  useMarkRead(thread.data, canAct);

  if (thread.error) {
    return <QueryError error={thread.error} />;
  }
  if (thread.isPending) {
    return <PageLoader />;
  }
  const { data } = thread;
  const toAddress = data.customer?.email ?? data.fromAddress;

  return (
    <Stack component="section" aria-label="Conversation">
      <Stack gap={4}>
        <Title order={2} size="h3">
          {data.subject}
        </Title>
        <Group gap="xs">
          {data.customer ? (
            <Anchor component={Link} to={`/customers/${data.customer.id}`}>
              {correspondent(data)}
            </Anchor>
          ) : (
            <Text>{correspondent(data)} (no customer matched)</Text>
          )}
          {data.needsReply ? <Badge color="orange">Needs reply</Badge> : null}
        </Group>
      </Stack>
      <Stack gap="sm" aria-label="Messages" role="list">
        {data.messages.map((message) => (
          <div role="listitem" key={message.id}>
            <MessageItem
              message={message}
              threadId={threadId}
              canAct={canAct}
            />
          </div>
        ))}
      </Stack>
      {canAct && toAddress ? (
        <ReplyForm threadId={threadId} toAddress={toAddress} />
      ) : null}
    </Stack>
  );
}
