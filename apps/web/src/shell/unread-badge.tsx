import { Badge, VisuallyHidden } from "@mantine/core";

import { trpc } from "../trpc.ts";

/**
 * Unread replies across the inbox, beside its entry in the navigation.
 * Live events keep the count current; one row is the least a page holds.
 */
export function UnreadBadge() {
  const inbox = trpc.conversation.list.useQuery({ limit: 1 });
  const unread = inbox.data?.unread.messages ?? 0;
  if (unread === 0) {
    return null;
  }

  return (
    <Badge size="sm" color="red" variant="filled">
      {unread}
      <VisuallyHidden> unread</VisuallyHidden>
    </Badge>
  );
}
