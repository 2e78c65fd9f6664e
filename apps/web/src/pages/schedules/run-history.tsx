import { Anchor, Badge, Paper, Table, Text, Title } from "@mantine/core";
import type { RouterOutputs } from "@rally/client";
import { Link } from "react-router";

import { QueryError } from "../../forms/query-error.tsx";
import { PageLoader } from "../../shell/page-loader.tsx";
import { trpc } from "../../trpc.ts";
import { ZonedTime } from "./zoned-time.tsx";

type Run = RouterOutputs["recurring"]["runs"]["items"][number];

const statusColor: Record<Run["status"], string> = {
  PENDING: "gray",
  RUNNING: "blue",
  DONE: "green",
  CANCELLED: "gray",
  FAILED: "red",
  MISSED: "orange",
};

export function RunStatus({ run }: { run: Pick<Run, "status"> }) {
  return (
    // Dark text on the light tint keeps every status readable (WCAG AA).
    <Badge color={statusColor[run.status]} variant="light" c="dark.7">
      {run.status.toLowerCase()}
    </Badge>
  );
}

/** The newest occurrences of one schedule; runs appear as they start. */
export function RunHistory(props: {
  schedule: { id: number; name: string };
  shopZone: string;
}) {
  const runs = trpc.recurring.runs.useQuery({ id: props.schedule.id });
  const title = `Runs of ${props.schedule.name}`;

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {runs.error ? <QueryError error={runs.error} /> : null}
      {runs.isPending ? <PageLoader /> : null}
      {runs.data?.items.length === 0 ? (
        <Text c="dimmed">No runs yet.</Text>
      ) : null}
      {runs.data && runs.data.items.length > 0 ? (
        <Table aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Due</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Campaign</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.data.items.map((run) => (
              <Table.Tr key={run.id}>
                <Table.Td>
                  <ZonedTime at={run.runAt} shopZone={props.shopZone} />
                </Table.Td>
                <Table.Td>
                  <RunStatus run={run} />
                  {run.failureReason ? (
                    <Text size="xs">{run.failureReason}</Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {run.campaignId ? (
                    <Anchor
                      component={Link}
                      to={`/campaigns/${run.campaignId}`}
                    >
                      Campaign {run.campaignId}
                    </Anchor>
                  ) : (
                    "—"
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Paper>
  );
}
