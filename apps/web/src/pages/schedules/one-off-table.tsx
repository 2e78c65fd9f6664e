import { Button, Text } from "@mantine/core";
import type { RouterOutputs } from "@rally/client";

import { ListTable, type Column } from "../../shell/list-table.tsx";
import { trpc } from "../../trpc.ts";
import { RunStatus } from "./run-history.tsx";
import { ZonedTime } from "./zoned-time.tsx";

type Run = RouterOutputs["schedule"]["list"]["items"][number];

function CancelButton({ run, ruleName }: { run: Run; ruleName: string }) {
  const cancel = trpc.schedule.cancel.useMutation();

  return (
    <>
      <Button
        size="compact-sm"
        color="red"
        variant="light"
        aria-label={`Cancel the run of ${ruleName}`}
        loading={cancel.isPending}
        onClick={() => cancel.mutate({ id: run.id })}
      >
        Cancel
      </Button>
      {cancel.error ? (
        <Text size="xs" c="red.8" role="alert">
          {cancel.error.message}
        </Text>
      ) : null}
    </>
  );
}

interface OneOffTableProps {
  runs: Run[];
  ruleNames: Map<number, string>;
  shopZone: string;
  canEdit: boolean;
}

function runColumns(props: OneOffTableProps): Column<Run>[] {
  const ruleName = (run: Run) =>
    props.ruleNames.get(run.ruleId) ?? `Rule ${run.ruleId}`;

  return [
    { header: "Rule", cell: ruleName },
    {
      header: "Runs at",
      cell: (run) => <ZonedTime at={run.runAt} shopZone={props.shopZone} />,
    },
    { header: "Status", cell: (run) => <RunStatus run={run} /> },
    {
      header: "Actions",
      cell: (run) =>
        props.canEdit && run.status === "PENDING" ? (
          <CancelButton run={run} ruleName={ruleName(run)} />
        ) : null,
    },
  ];
}

export function OneOffTable(props: OneOffTableProps) {
  return (
    <ListTable
      label="One-off runs"
      columns={runColumns(props)}
      rows={props.runs}
      empty="No one-off runs yet."
      striped
    />
  );
}
