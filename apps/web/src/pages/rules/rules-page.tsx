import {
  Anchor,
  Badge,
  Button,
  Group,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import type { RouterOutputs } from "@rally/client";
import { useState } from "react";
import { Link } from "react-router";

import { QueryError } from "../../forms/query-error.tsx";
import { PageLoader } from "../../shell/page-loader.tsx";
import { trpc } from "../../trpc.ts";

type RuleRow = RouterOutputs["rule"]["list"]["items"][number];

const PAGE_SIZE = 50;

function cadenceOf(rule: RuleRow) {
  if (rule.kind === "DECLINED_WORK") {
    return `${rule.declinedOffsetsDays.join(", ")} days after declining`;
  }
  const miles = rule.mileageInterval
    ? ` or ${rule.mileageInterval.toLocaleString()} mi`
    : "";

  return `Every ${rule.cadenceMonths} months${miles}`;
}

function RuleTable({ rules }: { rules: RuleRow[] }) {
  return (
    <Table striped highlightOnHover aria-label="Rules">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Kind</Table.Th>
          <Table.Th>Service</Table.Th>
          <Table.Th>When</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rules.map((rule) => (
          <Table.Tr key={rule.id}>
            <Table.Td>
              <Anchor component={Link} to={`/rules/${rule.id}`}>
                {rule.name}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color="gray">
                {rule.kind === "SERVICE_DUE" ? "service due" : "declined work"}
              </Badge>
            </Table.Td>
            <Table.Td>{rule.serviceType.name}</Table.Td>
            <Table.Td>{cadenceOf(rule)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export default function RulesPage() {
  useDocumentTitle("Rules · Rally");
  const [isArchived, setArchived] = useState(false);
  const list = trpc.rule.list.useInfiniteQuery(
    { isArchived, limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const rules = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Rules</Title>
        <Button component={Link} to="/rules/new">
          New rule
        </Button>
      </Group>
      <Switch
        label="Show archived rules"
        checked={isArchived}
        onChange={(event) => setArchived(event.currentTarget.checked)}
      />
      {list.error ? <QueryError error={list.error} /> : null}
      {list.isPending ? (
        <PageLoader />
      ) : rules.length === 0 ? (
        <Text c="dimmed">
          {isArchived ? "No archived rules." : "No rules yet."}
        </Text>
      ) : (
        <RuleTable rules={rules} />
      )}
      {list.hasNextPage ? (
        <Button
          variant="default"
          loading={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          Load more
        </Button>
      ) : null}
    </Stack>
  );
}
