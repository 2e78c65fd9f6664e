import {
  Anchor,
  Badge,
  Button,
  Group,
  Stack,
  Switch,
  Title,
} from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import type { RouterOutputs } from "@rally/client";
import { useState } from "react";
import { Link } from "react-router";

import { QueryError } from "../../forms/query-error.tsx";
import { ListTable, type Column } from "../../shell/list-table.tsx";
import { LoadMore } from "../../shell/load-more.tsx";
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

const columns: Column<RuleRow>[] = [
  {
    header: "Name",
    cell: (rule) => (
      <Anchor component={Link} to={`/rules/${rule.id}`}>
        {rule.name}
      </Anchor>
    ),
  },
  {
    header: "Kind",
    cell: (rule) => (
      <Badge variant="light" color="gray">
        {rule.kind === "SERVICE_DUE" ? "service due" : "declined work"}
      </Badge>
    ),
  },
  { header: "Service", cell: (rule) => rule.serviceType.name },
  { header: "When", cell: cadenceOf },
];

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
      <ListTable
        label="Rules"
        columns={columns}
        rows={rules}
        isPending={list.isPending}
        empty={isArchived ? "No archived rules." : "No rules yet."}
        striped
        highlightOnHover
      />
      <LoadMore query={list} />
    </Stack>
  );
}
