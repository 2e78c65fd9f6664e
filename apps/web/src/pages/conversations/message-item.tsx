import { Group, Paper, Stack, Text } from "@mantine/core";
import type { RouterOutputs } from "@rally/client";

import { EmailStatusBadge } from "../../emails/email-status-badge.tsx";
import { formatDateTime } from "../../format.ts";
import { IntentNote } from "./intent-note.tsx";

export type Message =
  RouterOutputs["conversation"]["thread"]["messages"][number];

/** A reply the server has not answered yet carries a stand-in id below 0. */
export const isPending = (message: Message) => message.id < 0;

/** One email of a thread: who, when, where it stands, and its new text. */
export function MessageItem(props: {
  message: Message;
  threadId: number;
  canAct: boolean;
}) {
  const { message } = props;
  const isInbound = message.direction === "INBOUND";
  const heading = isInbound
    ? `From ${message.fromAddress}`
    : `To ${message.toAddress}`;

  return (
    <Paper
      component="article"
      aria-label={`${heading}, ${formatDateTime(message.createdAt)}`}
      data-email-id={message.id}
      withBorder
      p="sm"
      ml={isInbound ? 0 : "xl"}
      mr={isInbound ? "xl" : 0}
      bg={isInbound ? undefined : "var(--mantine-color-indigo-0)"}
    >
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600}>
            {heading}
          </Text>
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              {formatDateTime(message.createdAt)}
            </Text>
            {isInbound ? null : (
              <EmailStatusBadge
                status={isPending(message) ? "PENDING" : message.status}
              />
            )}
          </Group>
        </Group>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {message.visibleText || "(no text)"}
        </Text>
        <IntentNote
          message={message}
          threadId={props.threadId}
          canAct={props.canAct}
        />
      </Stack>
    </Paper>
  );
}
