import { Alert, Button, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { campaignSendInput } from "@rally/api/schemas";
import type { RouterOutputs } from "@rally/client";
import { useState } from "react";

import { FormAlert } from "../../forms/form-alert.tsx";
import { optionalNumber, schemaErrors } from "../../forms/form-errors.ts";
import { useRefusal } from "../../forms/use-refusal.ts";
import { formatCount } from "../../format.ts";
import { trpc } from "../../trpc.ts";

type Sent = RouterOutputs["campaign"]["send"];

/** Rules and templates offered; a shop with more picks from the first. */
const OPTION_LIMIT = 200;

const empty = { ruleId: "", templateId: "" };

function toInput(values: typeof empty, idempotencyKey: string) {
  return {
    ruleId: optionalNumber(values.ruleId),
    templateId: optionalNumber(values.templateId),
    idempotencyKey,
  };
}

type CohortPreview = RouterOutputs["cohort"]["preview"];

/** How many customers the chosen rule would email right now. */
function CohortCount(preview: {
  data: CohortPreview | undefined;
  error: { message: string } | null;
}) {
  if (preview.error) {
    return <Alert color="red">{preview.error.message}</Alert>;
  }
  if (!preview.data) {
    return <Text c="dimmed">Counting who is due…</Text>;
  }
  const { customers, total, due } = preview.data;

  return (
    <Text aria-live="polite">
      {formatCount(customers)} customers ({formatCount(total)} of{" "}
      {formatCount(due)} due vehicles) would be emailed now.
    </Text>
  );
}

/**
 * Sends a rule's campaign. The idempotency key is made once per opening
 * of the dialog, so a double click or a retried request sends once.
 */
export function SendCampaignForm(props: { onSent: (sent: Sent) => void }) {
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const rules = trpc.rule.list.useQuery({ limit: OPTION_LIMIT });
  const templates = trpc.template.list.useQuery({ limit: OPTION_LIMIT });
  const form = useForm({
    initialValues: empty,
    validate: (values) =>
      schemaErrors(campaignSendInput, toInput(values, idempotencyKey)),
  });
  const refusal = useRefusal(form);
  const send = trpc.campaign.send.useMutation({
    onSuccess: props.onSent,
    onError: refusal.show,
  });
  const ruleId = optionalNumber(form.getValues().ruleId);
  const preview = trpc.cohort.preview.useQuery(
    { ruleId, limit: 1 },
    { enabled: ruleId !== undefined },
  );
  const customers = preview.data?.customers;

  return (
    <form
      noValidate
      aria-label="Send campaign"
      onSubmit={form.onSubmit((values) => {
        refusal.clear();
        send.mutate(campaignSendInput.parse(toInput(values, idempotencyKey)));
      })}
    >
      <Stack>
        <NativeSelect
          label="Rule"
          withAsterisk
          data-autofocus
          data={[
            { value: "", label: "Choose a rule" },
            ...(rules.data?.items ?? []).map((rule) => ({
              value: String(rule.id),
              label: rule.name,
            })),
          ]}
          {...form.getInputProps("ruleId")}
        />
        <NativeSelect
          label="Template"
          description="The rule's own template unless you choose another"
          data={[
            { value: "", label: "The rule's template" },
            ...(templates.data ?? []).map((template) => ({
              value: String(template.id),
              label: template.name,
            })),
          ]}
          {...form.getInputProps("templateId")}
        />
        {ruleId === undefined ? null : (
          <CohortCount data={preview.data} error={preview.error} />
        )}
        <FormAlert message={refusal.message} />
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={send.isPending}
            disabled={send.isSuccess}
          >
            {customers === undefined
              ? "Send campaign"
              : `Send to ${formatCount(customers)} customers`}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
