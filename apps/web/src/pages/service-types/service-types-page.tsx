import { Code, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";

import { QueryError } from "../../forms/query-error.tsx";
import { PageLoader } from "../../shell/page-loader.tsx";
import { trpc } from "../../trpc.ts";
import { ServiceTypeForm } from "./service-type-form.tsx";

export default function ServiceTypesPage() {
  useDocumentTitle("Service types · Rally");
  const types = trpc.serviceType.list.useQuery();

  return (
    <Stack>
      <Title order={1}>Service types</Title>
      {types.error ? <QueryError error={types.error} /> : null}
      {types.isPending ? <PageLoader /> : null}
      {types.data?.length === 0 ? (
        <Text c="dimmed">No service types yet.</Text>
      ) : null}
      {types.data && types.data.length > 0 ? (
        <Table striped aria-label="Service types">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Key</Table.Th>
              <Table.Th>Due every</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {types.data.map((type) => (
              <Table.Tr key={type.id}>
                <Table.Td>{type.name}</Table.Td>
                <Table.Td>
                  <Code>{type.key}</Code>
                </Table.Td>
                <Table.Td>{type.defaultCadenceMonths} months</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          Add a service type
        </Title>
        <ServiceTypeForm />
      </Paper>
    </Stack>
  );
}
