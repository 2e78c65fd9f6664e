import { Button, Grid, Group, Paper, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import {
  templateFields,
  templateUpdateInput,
} from "@rally/api/template-schemas";
import { useState } from "react";
import { useNavigate } from "react-router";

import { FormAlert } from "../../forms/form-alert.tsx";
import { schemaErrors } from "../../forms/form-errors.ts";
import { useRefusal } from "../../forms/use-refusal.ts";
import { trpc } from "../../trpc.ts";
import type { ChosenCustomer } from "./customer-picker.tsx";
import { TemplateFields } from "./template-fields.tsx";
import { TemplatePreview, useTemplatePreview } from "./template-preview.tsx";
import {
  templateInputFrom,
  type Template,
  type TemplateValues,
} from "./template-values.ts";
import { TestSendForm } from "./test-send-form.tsx";
import { VariableList } from "./variable-list.tsx";

function useSaveTemplate(
  template: Template | undefined,
  show: (error: unknown) => void,
) {
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  const onSuccess = async (saved: Template) => {
    utils.template.get.setData({ id: saved.id }, saved);
    await utils.template.list.invalidate();
    if (!template) {
      void navigate(`/templates/${saved.id}`);
    }
  };
  const create = trpc.template.create.useMutation({ onSuccess, onError: show });
  const update = trpc.template.update.useMutation({ onSuccess, onError: show });

  return {
    isPending: create.isPending || update.isPending,
    save(values: TemplateValues) {
      const input = templateFields.parse(templateInputFrom(values));
      if (template) {
        update.mutate(templateUpdateInput.parse({ ...input, id: template.id }));
      } else {
        create.mutate(input);
      }
    },
  };
}

function ArchiveButton({ template }: { template: Template }) {
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  const archive = trpc.template.archive.useMutation({
    onSuccess: async () => {
      await utils.template.invalidate();
      void navigate("/templates");
    },
  });

  return (
    <Button
      variant="default"
      loading={archive.isPending}
      onClick={() => archive.mutate({ id: template.id })}
    >
      Archive template
    </Button>
  );
}

function EditorButtons(props: { template?: Template; isPending: boolean }) {
  const { template } = props;

  return (
    <Group justify="flex-end">
      {template && !template.archivedAt ? (
        <ArchiveButton template={template} />
      ) : null}
      <Button type="submit" loading={props.isPending}>
        {template ? "Save template" : "Create template"}
      </Button>
    </Group>
  );
}

/** A template's fields, its live preview, its variables and a test send. */
export function TemplateEditor(props: {
  template?: Template;
  initial: TemplateValues;
}) {
  const { template } = props;
  const form = useForm({
    initialValues: props.initial,
    validate: (values) =>
      schemaErrors(templateFields, templateInputFrom(values)),
  });
  const refusal = useRefusal(form);
  const saver = useSaveTemplate(template, refusal.show);
  const [customer, setCustomer] = useState<ChosenCustomer | null>(null);
  const values = form.getValues();
  const { preview, problem } = useTemplatePreview(values, customer?.id);

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack>
          <Paper withBorder p="md">
            <form
              noValidate
              aria-label="Template"
              onSubmit={form.onSubmit((submitted) => {
                refusal.clear();
                saver.save(submitted);
              })}
            >
              <Stack>
                <TemplateFields form={form} problem={problem} />
                <FormAlert message={refusal.message} />
                <EditorButtons
                  isPending={saver.isPending}
                  {...(template ? { template } : {})}
                />
              </Stack>
            </form>
          </Paper>
          <TestSendForm values={values} customerId={customer?.id} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack>
          <TemplatePreview
            preview={preview}
            customer={customer}
            onCustomer={setCustomer}
          />
          <VariableList />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
