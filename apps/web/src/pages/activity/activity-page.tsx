import { Anchor, Badge, Stack, Table, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { Link } from "react-router";

import { formatTime } from "../../format.ts";
import { FEED_SIZE, useFeedEvents } from "../../live/activity-feed.ts";
import { describeEvent } from "../../live/describe-event.ts";
import { useActivityFeed } from "../../live/live-events.tsx";

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
      {events.length === 0 ? (
        <Text>No changes since the console opened.</Text>
      ) : (
        <Table aria-label="Live activity" aria-live="polite">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Time</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>What changed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((event) => {
              const description = describeEvent(event);

              return (
                <Table.Tr key={event.id}>
                  <Table.Td>{formatTime(event.createdAt)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{description.kind}</Badge>
                  </Table.Td>
                  <Table.Td>
                    {description.href ? (
                      <Anchor component={Link} to={description.href}>
                        {description.text}
                      </Anchor>
                    ) : (
                      description.text
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
