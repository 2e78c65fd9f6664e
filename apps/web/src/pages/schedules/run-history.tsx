import { Anchor, Badge, Paper, Text, Title } from "@mantine/core";
import type { RouterOutputs } from "@rally/client";
import { Link } from "react-router";

import { QueryError } from "../../forms/query-error.tsx";
import { ListTable, type Column } from "../../shell/list-table.tsx";
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

function runColumns(shopZone: string): Column<Run>[] {
  return [
    {
      header: "Due",
      cell: (run) => <ZonedTime at={run.runAt} shopZone={shopZone} />,
    },
    {
      header: "Status",
      cell: (run) => (
        <>
          <RunStatus run={run} />
          {run.failureReason ? (
            <Text size="xs">{run.failureReason}</Text>
          ) : null}
        </>
      ),
    },
    {
      header: "Campaign",
      cell: (run) =>
        run.campaignId ? (
          <Anchor component={Link} to={`/campaigns/${run.campaignId}`}>
            Campaign {run.campaignId}
          </Anchor>
        ) : (
          "—"
        ),
    },
  ];
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
      <ListTable
        label={title}
        columns={runColumns(props.shopZone)}
        rows={runs.data?.items}
        isPending={runs.isPending}
        empty="No runs yet."
      />
    </Paper>
  );
}
