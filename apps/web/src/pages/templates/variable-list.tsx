import { Code, Paper, Table, Text, Title } from "@mantine/core";

import { QueryError } from "../../forms/query-error.tsx";
import { trpc } from "../../trpc.ts";

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
      <Table aria-label="Variables" withRowBorders={false}>
        <Table.Tbody>
          {(variables.data ?? []).map((variable) => (
            <Table.Tr key={variable.name}>
              <Table.Td>
                <Code>{variable.name}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{variable.description}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
