import { Anchor, Badge, Group, Stack, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { Link, useParams } from "react-router";

import { QueryError } from "../../forms/query-error.tsx";
import { useIdParam } from "../../routing/use-id-param.ts";
import { PageLoader } from "../../shell/page-loader.tsx";
import { trpc } from "../../trpc.ts";
import { TemplateEditor } from "./template-editor.tsx";
import { emptyTemplate, valuesFromTemplate } from "./template-values.ts";

function Heading(props: { title: string; isArchived?: boolean }) {
  useDocumentTitle(`${props.title} · Rally`);

  return (
    <div>
      <Anchor component={Link} to="/templates" size="sm">
        Templates
      </Anchor>
      <Group gap="sm">
        <Title order={1}>{props.title}</Title>
        {props.isArchived ? <Badge color="gray">archived</Badge> : null}
      </Group>
    </div>
  );
}

function SavedTemplate() {
  const id = useIdParam("templateId");
  const template = trpc.template.get.useQuery({ id });
  if (template.error) {
    return <QueryError error={template.error} />;
  }
  if (!template.data) {
    return <PageLoader />;
  }

  return (
    <Stack>
      <Heading
        title={template.data.name}
        isArchived={!!template.data.archivedAt}
      />
      <TemplateEditor
        key={template.data.id}
        template={template.data}
        initial={valuesFromTemplate(template.data)}
      />
    </Stack>
  );
}

/** A new template at /templates/new, a saved one at /templates/:templateId. */
export default function TemplatePage() {
  const isNew = useParams().templateId === "new";
  if (!isNew) {
    return <SavedTemplate />;
  }

  return (
    <Stack>
      <Heading title="New template" />
      <TemplateEditor initial={emptyTemplate} />
    </Stack>
  );
}
