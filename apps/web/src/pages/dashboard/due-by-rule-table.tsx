import { Table, Text } from "@mantine/core";

import { formatCount } from "../../format.ts";
import { QueryError } from "../../forms/query-error.tsx";
import { PageLoader } from "../../shell/page-loader.tsx";
import { trpc } from "../../trpc.ts";

/** Each active rule's due vehicles, and how many a send now would email. */
export function DueByRuleTable() {
  const due = trpc.dashboard.dueByRule.useQuery();
  if (due.error) {
    return <QueryError error={due.error} />;
  }
  if (!due.data) {
    return <PageLoader />;
  }
  if (due.data.length === 0) {
    return <Text c="dimmed">No active rules yet.</Text>;
  }

  return (
    <Table aria-label="Due vehicles per rule">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Rule</Table.Th>
          <Table.Th ta="right">Due</Table.Th>
          <Table.Th ta="right">Would be emailed now</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {due.data.map((rule) => (
          <Table.Tr key={rule.id}>
            <Table.Td>{rule.name}</Table.Td>
            <Table.Td ta="right">{formatCount(rule.due)}</Table.Td>
            <Table.Td ta="right">{formatCount(rule.eligible)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
