import type { RouterOutputs } from "@rally/client";

import { formatDateTime } from "../../format.ts";
import { ListTable, type Column } from "../../shell/list-table.tsx";

type Run = RouterOutputs["dashboard"]["summary"]["upcomingRuns"][number];

/** The next planned sends, soonest first. */
const columns: Column<Run>[] = [
  { header: "When", cell: (run) => formatDateTime(run.runAt) },
  {
    header: "Schedule",
    cell: (run) => (run.kind === "recurring" ? run.name : "One-off run"),
  },
  { header: "Rule", cell: (run) => run.ruleName },
];

export function UpcomingRuns({ runs }: { runs: Run[] }) {
  // A recurring schedule and a one-off run may share an id.
  return (
    <ListTable
      label="Upcoming scheduled runs"
      columns={columns}
      rows={runs}
      rowKey={(run) => `${run.kind}-${run.id}`}
      empty="Nothing is scheduled."
    />
  );
}
