import { Group, NativeSelect, Stack, Textarea, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { limits } from "@rally/api/limits";
import { templateLimits } from "@rally/api/template-schemas";

import { LineError } from "./line-error.tsx";
import type {
  TemplatePart,
  TemplateProblem,
  TemplateValues,
} from "./template-values.ts";

type TemplateForm = UseFormReturnType<TemplateValues>;

const kindOptions = [
  { value: "MARKETING", label: "Marketing (unsubscribe link and address)" },
  { value: "TRANSACTIONAL", label: "Transactional" },
];

/** The field's props, with a render error at its line in place of others. */
function partProps(
  form: TemplateForm,
  part: TemplatePart,
  problem: TemplateProblem | null,
) {
  const props = form.getInputProps(part);
  if (problem?.part !== part) {
    return props;
  }

  return {
    ...props,
    error: <LineError source={form.getValues()[part]} problem={problem} />,
  };
}

/** Name, kind, subject and both bodies of a template. */
export function TemplateFields(props: {
  form: TemplateForm;
  problem: TemplateProblem | null;
}) {
  const { form, problem } = props;
  const code = { fontFamily: "var(--mantine-font-family-monospace)" };

  return (
    <Stack gap="sm">
      <Group grow align="flex-start">
        <TextInput
          label="Name"
          withAsterisk
          maxLength={limits.name}
          {...form.getInputProps("name")}
        />
        <NativeSelect
          label="Kind"
          data={kindOptions}
          {...form.getInputProps("kind")}
        />
      </Group>
      <TextInput
        label="Subject"
        withAsterisk
        maxLength={templateLimits.subject}
        {...partProps(form, "subject", problem)}
      />
      <Textarea
        label="HTML body"
        withAsterisk
        autosize
        minRows={8}
        maxRows={24}
        maxLength={templateLimits.html}
        styles={{ input: code }}
        spellCheck={false}
        {...partProps(form, "html", problem)}
      />
      <Textarea
        label="Text body"
        description="Leave empty to derive it from the HTML"
        autosize
        minRows={3}
        maxRows={16}
        maxLength={templateLimits.text}
        styles={{ input: code }}
        spellCheck={false}
        {...partProps(form, "text", problem)}
      />
    </Stack>
  );
}
