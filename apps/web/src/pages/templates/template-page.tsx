import { Stack } from "@mantine/core";
import { useParams } from "react-router";

import { QueryError } from "../../forms/query-error.tsx";
import { useIdParam } from "../../routing/use-id-param.ts";
import { DetailHeading } from "../../shell/detail-heading.tsx";
import { PageLoader } from "../../shell/page-loader.tsx";
import { trpc } from "../../trpc.ts";
import { TemplateEditor } from "./template-editor.tsx";
import { emptyTemplate, valuesFromTemplate } from "./template-values.ts";

const back = { to: "/templates", label: "Templates" };

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
      <DetailHeading
        back={back}
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
      <DetailHeading back={back} title="New template" />
      <TemplateEditor initial={emptyTemplate} />
    </Stack>
  );
}
