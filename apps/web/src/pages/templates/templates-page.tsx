import {
  Anchor,
  Badge,
  Button,
  Group,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { limits } from "@rally/api/limits";
import type { RouterOutputs } from "@rally/client";
import { useState } from "react";
import { Link } from "react-router";

import { QueryError } from "../../forms/query-error.tsx";
import { formatDateTime } from "../../format.ts";
import { PageLoader } from "../../shell/page-loader.tsx";
import { trpc } from "../../trpc.ts";

type TemplateRow = RouterOutputs["template"]["list"][number];

function TemplateTable({ templates }: { templates: TemplateRow[] }) {
  return (
    <Table striped highlightOnHover aria-label="Templates">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Kind</Table.Th>
          <Table.Th>Subject</Table.Th>
          <Table.Th>Changed</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {templates.map((template) => (
          <Table.Tr key={template.id}>
            <Table.Td>
              <Anchor component={Link} to={`/templates/${template.id}`}>
                {template.name}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color="gray">
                {template.kind.toLowerCase()}
              </Badge>
            </Table.Td>
            <Table.Td>{template.subject}</Table.Td>
            <Table.Td>{formatDateTime(template.updatedAt)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export default function TemplatesPage() {
  useDocumentTitle("Templates · Rally");
  const [isArchived, setArchived] = useState(false);
  // One page of the largest size: a shop keeps tens of templates, not
  // thousands; past 500 the oldest would not show.
  const list = trpc.template.list.useQuery({
    isArchived,
    limit: limits.pageSize.max,
  });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Templates</Title>
        <Button component={Link} to="/templates/new">
          New template
        </Button>
      </Group>
      <Switch
        label="Show archived templates"
        checked={isArchived}
        onChange={(event) => setArchived(event.currentTarget.checked)}
      />
      {list.error ? <QueryError error={list.error} /> : null}
      {list.isPending ? <PageLoader /> : null}
      {list.data?.length === 0 ? (
        <Text c="dimmed">
          {isArchived ? "No archived templates." : "No templates yet."}
        </Text>
      ) : null}
      {list.data && list.data.length > 0 ? (
        <TemplateTable templates={list.data} />
      ) : null}
    </Stack>
  );
}
