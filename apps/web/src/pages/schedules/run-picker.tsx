import { NativeSelect } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { limits } from "@rally/api/limits";

import { trpc } from "../../trpc.ts";

interface RunValues {
  ruleId: string;
  templateId: string;
}

/**
 * The rule a run sends to and the template it sends. Only the first page
 * of rules and templates is offered: a shop with more than 500 live ones
 * cannot pick the rest here.
 */
export function RunPicker<Values extends RunValues>(props: {
  form: UseFormReturnType<Values>;
  isRuleFixed?: boolean;
}) {
  const { form } = props;
  const rules = trpc.rule.list.useQuery({ limit: limits.pageSize.max });
  const templates = trpc.template.list.useQuery({
    limit: limits.pageSize.max,
  });
  const ruleOptions = (rules.data?.items ?? []).map((rule) => ({
    value: String(rule.id),
    label: rule.name,
  }));
  const templateOptions = (templates.data ?? []).map((template) => ({
    value: String(template.id),
    label: template.name,
  }));

  return (
    <>
      <NativeSelect
        label="Rule"
        description="Who the run sends to, worked out when it runs"
        withAsterisk
        disabled={props.isRuleFixed}
        data={[{ value: "", label: "Pick a rule" }, ...ruleOptions]}
        {...form.getInputProps("ruleId")}
      />
      <NativeSelect
        label="Template"
        data={[{ value: "", label: "The rule's template" }, ...templateOptions]}
        {...form.getInputProps("templateId")}
      />
    </>
  );
}
