import { Button, Table, Text } from "@mantine/core";
import type { RouterOutputs } from "@rally/client";

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

export function OneOffTable(props: {
  runs: Run[];
  ruleNames: Map<number, string>;
  shopZone: string;
  canEdit: boolean;
}) {
  return (
    <Table striped aria-label="One-off runs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Rule</Table.Th>
          <Table.Th>Runs at</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Actions</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.runs.map((run) => {
          const ruleName =
            props.ruleNames.get(run.ruleId) ?? `Rule ${run.ruleId}`;

          return (
            <Table.Tr key={run.id}>
              <Table.Td>{ruleName}</Table.Td>
              <Table.Td>
                <ZonedTime at={run.runAt} shopZone={props.shopZone} />
              </Table.Td>
              <Table.Td>
                <RunStatus run={run} />
              </Table.Td>
              <Table.Td>
                {props.canEdit && run.status === "PENDING" ? (
                  <CancelButton run={run} ruleName={ruleName} />
                ) : null}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
