import { Button, Grid, Group, Paper, Stack, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import {
  cohortCriteriaInput,
  ruleCreateInput,
  ruleUpdateInput,
} from "@rally/api/rule-schemas";
import { useMemo } from "react";
import { useNavigate } from "react-router";

import { FormAlert } from "../../forms/form-alert.tsx";
import { schemaErrors } from "../../forms/form-errors.ts";
import { useRefusal } from "../../forms/use-refusal.ts";
import { trpc } from "../../trpc.ts";
import { CohortPreview } from "./cohort-preview.tsx";
import { RuleFields } from "./rule-fields.tsx";
import {
  criteriaFrom,
  ruleFormPath,
  ruleInputFrom,
  type Rule,
  type RuleValues,
} from "./rule-values.ts";

/**
 * The unsaved criteria once they are valid and have stopped changing for
 * a moment; a stable string, so the preview query keeps one key.
 */
function useDraftCriteria(values: RuleValues) {
  const parsed = cohortCriteriaInput.safeParse(criteriaFrom(values));
  const key = parsed.success ? JSON.stringify(parsed.data) : "";
  const [settled] = useDebouncedValue(key, 400);

  return useMemo(
    () =>
      settled === ""
        ? null
        : (JSON.parse(settled) as ReturnType<typeof cohortCriteriaInput.parse>),
    [settled],
  );
}

function useSaveRule(rule: Rule | undefined, show: (e: unknown) => void) {
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  const onSuccess = async (saved: Rule) => {
    utils.rule.get.setData({ id: saved.id }, saved);
    await utils.rule.list.invalidate();
    if (!rule) {
      void navigate(`/rules/${saved.id}`);
    }
  };
  const create = trpc.rule.create.useMutation({ onSuccess, onError: show });
  const update = trpc.rule.update.useMutation({ onSuccess, onError: show });

  return {
    isPending: create.isPending || update.isPending,
    save(values: RuleValues) {
      const input = ruleCreateInput.parse(ruleInputFrom(values));
      if (rule) {
        update.mutate(ruleUpdateInput.parse({ ...input, id: rule.id }));
      } else {
        create.mutate(input);
      }
    },
  };
}

function ArchiveButton({ rule }: { rule: Rule }) {
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  const archive = trpc.rule.archive.useMutation({
    onSuccess: async () => {
      await utils.rule.invalidate();
      void navigate("/rules");
    },
  });

  return (
    <Button
      variant="default"
      color="red"
      loading={archive.isPending}
      onClick={() => archive.mutate({ id: rule.id })}
    >
      Archive rule
    </Button>
  );
}

/** A rule's fields beside the cohort they would pick today. */
export function RuleEditor(props: { rule?: Rule; initial: RuleValues }) {
  const { rule } = props;
  const form = useForm({
    initialValues: props.initial,
    validate: (values) =>
      schemaErrors(ruleCreateInput, ruleInputFrom(values), ruleFormPath),
  });
  const refusal = useRefusal(form, ruleFormPath);
  const saver = useSaveRule(rule, refusal.show);
  const criteria = useDraftCriteria(form.getValues());
  const isArchived = Boolean(rule?.archivedAt);

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Paper withBorder p="md">
          <form
            noValidate
            aria-label="Rule"
            onSubmit={form.onSubmit((values) => {
              refusal.clear();
              saver.save(values);
            })}
          >
            <Stack>
              <RuleFields form={form} />
              <FormAlert message={refusal.message} />
              <Group justify="flex-end">
                {rule && !isArchived ? <ArchiveButton rule={rule} /> : null}
                <Button
                  type="submit"
                  loading={saver.isPending}
                  disabled={isArchived}
                >
                  {rule ? "Save rule" : "Create rule"}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Stack>
          <Title order={2} size="h3">
            Who is due today
          </Title>
          <CohortPreview criteria={criteria} ruleId={rule?.id} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
