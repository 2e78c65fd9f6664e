import { Table, Text } from "@mantine/core";
import type { RouterOutputs } from "@rally/client";

import { formatDateTime } from "../../format.ts";

type Run = RouterOutputs["dashboard"]["summary"]["upcomingRuns"][number];

/** The next planned sends, soonest first. */
export function UpcomingRuns({ runs }: { runs: Run[] }) {
  if (runs.length === 0) {
    return <Text c="dimmed">Nothing is scheduled.</Text>;
  }

  return (
    <Table aria-label="Upcoming scheduled runs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Schedule</Table.Th>
          <Table.Th>Rule</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {runs.map((run) => (
          <Table.Tr key={`${run.kind}-${run.id}`}>
            <Table.Td>{formatDateTime(run.runAt)}</Table.Td>
            <Table.Td>
              {run.kind === "recurring" ? run.name : "One-off run"}
            </Table.Td>
            <Table.Td>{run.ruleName}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
