import { Anchor, Badge, Group, Stack, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { Link, useParams } from "react-router";

import { QueryError } from "../../forms/query-error.tsx";
import { useIdParam } from "../../routing/use-id-param.ts";
import { PageLoader } from "../../shell/page-loader.tsx";
import { trpc } from "../../trpc.ts";
import { RuleEditor } from "./rule-editor.tsx";
import { emptyRule, valuesFromRule } from "./rule-values.ts";

function Heading(props: { title: string; isArchived?: boolean }) {
  useDocumentTitle(`${props.title} · Rally`);

  return (
    <div>
      <Anchor component={Link} to="/rules" size="sm">
        Rules
      </Anchor>
      <Group gap="sm">
        <Title order={1}>{props.title}</Title>
        {props.isArchived ? <Badge color="gray">archived</Badge> : null}
      </Group>
    </div>
  );
}

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
      <Heading title={rule.data.name} isArchived={!!rule.data.archivedAt} />
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
      <Heading title="New rule" />
      <RuleEditor initial={emptyRule} />
    </Stack>
  );
}
