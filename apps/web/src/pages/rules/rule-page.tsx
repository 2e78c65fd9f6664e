import { Stack } from "@mantine/core";
import { useParams } from "react-router";

import { QueryError } from "../../forms/query-error.tsx";
import { useIdParam } from "../../routing/use-id-param.ts";
import { DetailHeading } from "../../shell/detail-heading.tsx";
import { PageLoader } from "../../shell/page-loader.tsx";
import { trpc } from "../../trpc.ts";
import { RuleEditor } from "./rule-editor.tsx";
import { emptyRule, valuesFromRule } from "./rule-values.ts";

const back = { to: "/rules", label: "Rules" };

function SavedRule() {
  const id = useIdParam("ruleId");
  const rule = trpc.rule.get.useQuery({ id });
  if (rule.error) {
    return <QueryError error={rule.error} />;
  }
  if (!rule.data) {
    return <PageLoader />;
  }

  return (
    <Stack>
      <DetailHeading
        back={back}
        title={rule.data.name}
        isArchived={!!rule.data.archivedAt}
      />
      <RuleEditor
        key={rule.data.id}
        rule={rule.data}
        initial={valuesFromRule(rule.data)}
      />
    </Stack>
  );
}

/** A new rule at /rules/new, a saved one at /rules/:ruleId. */
export default function RulePage() {
  const isNew = useParams().ruleId === "new";
  if (!isNew) {
    return <SavedRule />;
  }

  return (
    <Stack>
      <DetailHeading back={back} title="New rule" />
      <RuleEditor initial={emptyRule} />
    </Stack>
  );
}
