import {
  Anchor,
  Badge,
  Button,
  Group,
  Stack,
  Switch,
  Title,
} from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { limits } from "@rally/api/limits";
import type { RouterOutputs } from "@rally/client";
import { useState } from "react";
import { Link } from "react-router";

import { QueryError } from "../../forms/query-error.tsx";
import { formatDateTime } from "../../format.ts";
import { ListTable, type Column } from "../../shell/list-table.tsx";
import { trpc } from "../../trpc.ts";

type TemplateRow = RouterOutputs["template"]["list"][number];

const columns: Column<TemplateRow>[] = [
  {
    header: "Name",
    cell: (template) => (
      <Anchor component={Link} to={`/templates/${template.id}`}>
        {template.name}
      </Anchor>
    ),
  },
  {
    header: "Kind",
    cell: (template) => (
      <Badge variant="light" color="gray">
        {template.kind.toLowerCase()}
      </Badge>
    ),
  },
  { header: "Subject", cell: (template) => template.subject },
  { header: "Changed", cell: (template) => formatDateTime(template.updatedAt) },
];

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
      <ListTable
        label="Templates"
        columns={columns}
        rows={list.data}
        isPending={list.isPending}
        empty={isArchived ? "No archived templates." : "No templates yet."}
        striped
        highlightOnHover
      />
    </Stack>
  );
}
