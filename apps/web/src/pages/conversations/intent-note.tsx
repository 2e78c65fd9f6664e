import { Alert, Anchor, Button, Group, Text } from "@mantine/core";
import type { RouterOutputs } from "@rally/client";
import { Link } from "react-router";

import { formatDateTime } from "../../format.ts";
import { trpc } from "../../trpc.ts";

type Message = RouterOutputs["conversation"]["thread"]["messages"][number];
type Intent = NonNullable<Message["intent"]>;

function bookingHref(message: Message, intent: Intent) {
  const params = new URLSearchParams({ book: String(message.vehicleId) });
  if (intent.proposedTime) {
    params.set("at", intent.proposedTime.toISOString());
  }

  return `/bookings?${params}`;
}

function SoldAction(props: { message: Message; threadId: number }) {
  const utils = trpc.useUtils();
  const apply = trpc.conversation.applyIntent.useMutation({
    onSuccess: () =>
      utils.conversation.thread.invalidate({ threadId: props.threadId }),
  });

  return (
    <>
      <Button
        size="compact-sm"
        variant="light"
        loading={apply.isPending}
        onClick={() =>
          apply.mutate({ emailId: props.message.id, intent: "sold" })
        }
      >
        Mark vehicle sold
      </Button>
      {apply.error ? (
        <Text size="sm" c="red" role="alert">
          {apply.error.message}
        </Text>
      ) : null}
    </>
  );
}

function describe(intent: Intent) {
  switch (intent.kind) {
    case "unsubscribe":
      return intent.isApplied
        ? "Asked to stop emails: unsubscribed."
        : "Asks to stop emails.";
    case "sold":
      return intent.isApplied
        ? "Says the vehicle was sold: marked sold."
        : "Says the vehicle was sold.";
    case "book":
      return intent.proposedTime
        ? `Wants to book, proposing ${formatDateTime(intent.proposedTime)}.`
        : "Wants to book.";
  }
}

/** What a reply seems to ask for, and the action that answers it. */
export function IntentNote(props: {
  message: Message;
  threadId: number;
  canAct: boolean;
}) {
  const { message } = props;
  const intent = message.intent;
  if (!intent) {
    return null;
  }
  const canApply = props.canAct && !intent.isApplied;

  return (
    <Alert variant="light" color="indigo" title="Detected intent" p="xs">
      <Group gap="sm">
        <Text size="sm">{describe(intent)}</Text>
        {canApply && intent.kind === "sold" ? (
          <SoldAction message={message} threadId={props.threadId} />
        ) : null}
        {canApply && intent.kind === "book" && message.vehicleId ? (
          <Anchor component={Link} to={bookingHref(message, intent)} size="sm">
            Book the appointment
          </Anchor>
        ) : null}
      </Group>
    </Alert>
  );
}
