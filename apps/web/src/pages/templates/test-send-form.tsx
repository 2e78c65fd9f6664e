import { Button, Group, Paper, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { limits } from "@rally/api/limits";
import { templateTestSendInput } from "@rally/api/template-schemas";

import { FormAlert } from "../../forms/form-alert.tsx";
import { schemaErrors } from "../../forms/form-errors.ts";
import { useRefusal } from "../../forms/use-refusal.ts";
import { trpc } from "../../trpc.ts";
import { draftFrom, type TemplateValues } from "./template-values.ts";

/** Mails the draft as rendered now to one address, marked as a test. */
export function TestSendForm(props: {
  values: TemplateValues;
  customerId?: number | undefined;
}) {
  const form = useForm({
    initialValues: { to: "" },
    validate: (values) =>
      schemaErrors(templateTestSendInput.pick({ to: true }), values),
  });
  const refusal = useRefusal(form);
  const send = trpc.template.testSend.useMutation({ onError: refusal.show });

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h3" mb="xs">
        Send a test
      </Title>
      <form
        noValidate
        aria-label="Send a test"
        onSubmit={form.onSubmit((values) => {
          refusal.clear();
          send.reset();
          send.mutate({
            ...values,
            draft: draftFrom(props.values),
            ...(props.customerId ? { customerId: props.customerId } : {}),
          });
        })}
      >
        <Group align="flex-end">
          <TextInput
            label="Send to"
            type="email"
            maxLength={limits.email}
            style={{ flex: 1 }}
            {...form.getInputProps("to")}
          />
          <Button type="submit" variant="default" loading={send.isPending}>
            Send test
          </Button>
        </Group>
        <FormAlert message={refusal.message} />
        {send.data ? (
          <Text size="sm" mt="xs" role="status">
            Sent “{send.data.subject}” to {send.data.to}.
          </Text>
        ) : null}
      </form>
    </Paper>
  );
}
