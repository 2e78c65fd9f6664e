import { Alert, Code, Paper, Stack, Tabs, Text, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData } from "@tanstack/react-query";
import { useMemo } from "react";

import { trpc } from "../../trpc.ts";
import { CustomerPicker, type ChosenCustomer } from "./customer-picker.tsx";
import {
  draftFrom,
  problemOf,
  type TemplateValues,
} from "./template-values.ts";

/**
 * The draft rendered once typing pauses, for the sample customer or a
 * chosen one; a render error comes back with its line.
 */
export function useTemplatePreview(
  values: TemplateValues,
  customerId: number | undefined,
) {
  const key = JSON.stringify([draftFrom(values), customerId ?? null]);
  const [settled] = useDebouncedValue(key, 400);
  const input = useMemo(() => {
    const [draft, chosen] = JSON.parse(settled) as [
      ReturnType<typeof draftFrom>,
      number | null,
    ];

    return { draft, ...(chosen ? { customerId: chosen } : {}) };
  }, [settled]);
  const isRenderable =
    input.draft.subject.trim() !== "" && input.draft.html.trim() !== "";
  const preview = trpc.template.preview.useQuery(input, {
    enabled: isRenderable,
    placeholderData: keepPreviousData,
    retry: false,
  });

  return { preview, problem: problemOf(preview.error) };
}

type PreviewResult = ReturnType<typeof useTemplatePreview>["preview"];

function Rendered({ preview }: { preview: PreviewResult }) {
  if (!preview.data) {
    return <Text c="dimmed">Write a subject and a body to see them.</Text>;
  }
  const { subject, html, text } = preview.data;

  return (
    <Stack gap="xs">
      <Text>
        <strong>Subject:</strong> {subject}
      </Text>
      <Tabs defaultValue="html">
        <Tabs.List>
          <Tabs.Tab value="html">HTML</Tabs.Tab>
          <Tabs.Tab value="text">Text</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="html" pt="xs">
          {/* No scripts, forms or navigation: the email is untrusted markup. */}
          <iframe
            title="HTML preview"
            sandbox=""
            srcDoc={html}
            style={{ width: "100%", height: 360, border: "1px solid #ddd" }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="text" pt="xs">
          <Code block tabIndex={0} aria-label="Text preview">
            {text}
          </Code>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** What the customer will get, as the dispatcher will render it. */
export function TemplatePreview(props: {
  preview: PreviewResult;
  customer: ChosenCustomer | null;
  onCustomer: (customer: ChosenCustomer | null) => void;
}) {
  const { preview } = props;
  const problem = problemOf(preview.error);

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          Preview
        </Title>
        <CustomerPicker chosen={props.customer} onChoose={props.onCustomer} />
        {preview.error ? (
          <Alert
            color="red"
            role="alert"
            title={problem ? "Fix the template" : "Could not render"}
          >
            {preview.error.message}
          </Alert>
        ) : null}
        <Rendered preview={preview} />
      </Stack>
    </Paper>
  );
}
