import { Anchor, Badge, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import type { StoredEvent } from "@rally/api";
import { Link } from "react-router";

import { formatTime } from "../../format.ts";
import { FEED_SIZE, useFeedEvents } from "../../live/activity-feed.ts";
import { describeEvent } from "../../live/describe-event.ts";
import { useActivityFeed } from "../../live/live-events.tsx";
import { ListTable, type Column } from "../../shell/list-table.tsx";

const columns: Column<StoredEvent>[] = [
  { header: "Time", cell: (event) => formatTime(event.createdAt) },
  {
    header: "Kind",
    cell: (event) => <Badge variant="light">{describeEvent(event).kind}</Badge>,
  },
  {
    header: "What changed",
    cell: (event) => {
      const description = describeEvent(event);

      return description.href ? (
        <Anchor component={Link} to={description.href}>
          {description.text}
        </Anchor>
      ) : (
        description.text
      );
    },
  },
];

/** Every change as it is committed, newest first, without reloading. */
export default function ActivityPage() {
  useDocumentTitle("Live activity · Rally");
  const events = useFeedEvents(useActivityFeed());

  return (
    <Stack>
      <div>
        <Title order={1}>Live activity</Title>
        <Text c="dimmed">
          Changes appear here as they happen (the latest {FEED_SIZE}).
        </Text>
      </div>
      <ListTable
        label="Live activity"
        aria-live="polite"
        columns={columns}
        rows={events}
        empty="No changes since the console opened."
      />
    </Stack>
  );
}
