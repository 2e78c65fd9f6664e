import { Code, Paper, Stack, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import type { RouterOutputs } from "@rally/client";

import { QueryError } from "../../forms/query-error.tsx";
import { ListTable, type Column } from "../../shell/list-table.tsx";
import { trpc } from "../../trpc.ts";
import { ServiceTypeForm } from "./service-type-form.tsx";

type ServiceType = RouterOutputs["serviceType"]["list"][number];

const columns: Column<ServiceType>[] = [
  { header: "Name", cell: (type) => type.name },
  { header: "Key", cell: (type) => <Code>{type.key}</Code> },
  {
    header: "Due every",
    cell: (type) => `${type.defaultCadenceMonths} months`,
  },
];

export default function ServiceTypesPage() {
  useDocumentTitle("Service types · Rally");
  const types = trpc.serviceType.list.useQuery();

  return (
    <Stack>
      <Title order={1}>Service types</Title>
      {types.error ? <QueryError error={types.error} /> : null}
      <ListTable
        label="Service types"
        columns={columns}
        rows={types.data}
        isPending={types.isPending}
        empty="No service types yet."
        striped
      />
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          Add a service type
        </Title>
        <ServiceTypeForm />
      </Paper>
    </Stack>
  );
}
