import { Code, Paper, Text, Title } from "@mantine/core";
import type { RouterOutputs } from "@rally/client";

import { QueryError } from "../../forms/query-error.tsx";
import { ListTable, type Column } from "../../shell/list-table.tsx";
import { trpc } from "../../trpc.ts";

type Variable = RouterOutputs["template"]["variables"][number];

const columns: Column<Variable>[] = [
  { header: "Variable", cell: (variable) => <Code>{variable.name}</Code> },
  {
    header: "Meaning",
    cell: (variable) => <Text size="sm">{variable.description}</Text>,
  },
];

/** The variables a template may use, as the server documents them. */
export function VariableList() {
  const variables = trpc.template.variables.useQuery(undefined, {
    staleTime: Infinity,
  });

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h3" mb="xs">
        Variables
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Write them as {"{{ customer.firstName }}"}; loop over vehicles with{" "}
        {"{% for v in vehicles %}"}.
      </Text>
      {variables.error ? <QueryError error={variables.error} /> : null}
      <ListTable
        label="Variables"
        columns={columns}
        rows={variables.data}
        rowKey={(variable) => variable.name}
        empty="The server documents no variables."
        hasHeaderRow={false}
        withRowBorders={false}
      />
    </Paper>
  );
}
