import type { RouterOutputs } from "@rally/client";

import { formatCount } from "../../format.ts";
import { QueryError } from "../../forms/query-error.tsx";
import { ListTable, type Column } from "../../shell/list-table.tsx";
import { trpc } from "../../trpc.ts";

type RuleDue = RouterOutputs["dashboard"]["dueByRule"][number];

const columns: Column<RuleDue>[] = [
  { header: "Rule", cell: (rule) => rule.name },
  { header: "Due", isNumeric: true, cell: (rule) => formatCount(rule.due) },
  {
    header: "Would be emailed now",
    isNumeric: true,
    cell: (rule) => formatCount(rule.eligible),
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
