import { Text } from "@mantine/core";
import type { RouterOutputs } from "@rally/client";

import { formatCount } from "../../format.ts";
import { QueryError } from "../../forms/query-error.tsx";
import { ListTable, type Column } from "../../shell/list-table.tsx";
import { trpc } from "../../trpc.ts";

type RuleDue = RouterOutputs["dashboard"]["dueByRule"][number];

const countOrDash = (value: number | null) =>
  value === null ? "—" : formatCount(value);

const columns: Column<RuleDue>[] = [
  {
    header: "Rule",
    cell: (rule) =>
      rule.problem ? (
        <>
          {rule.name}
          <Text size="xs" c="red">
            {rule.problem}
          </Text>
        </>
      ) : (
        rule.name
      ),
  },
  { header: "Due", isNumeric: true, cell: (rule) => countOrDash(rule.due) },
  {
    header: "Would be emailed now",
    isNumeric: true,
    cell: (rule) => countOrDash(rule.eligible),
  },
];

/** Each active rule's due vehicles, and how many a send now would email. */
export function DueByRuleTable() {
  const due = trpc.dashboard.dueByRule.useQuery();
  if (due.error) {
    return <QueryError error={due.error} />;
  }

  return (
    <ListTable
      label="Due vehicles per rule"
      columns={columns}
      rows={due.data}
      isPending={due.isPending}
      empty="No active rules yet."
    />
  );
}
