import { Button, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { limits } from "@rally/api/limits";
import {
  recurringCreateInput,
  recurringUpdateInput,
  scheduleLimits,
} from "@rally/api/schedule-schemas";
import type { RouterOutputs } from "@rally/client";

import { FormAlert } from "../../forms/form-alert.tsx";
import {
  optionalNumber,
  optionalText,
  schemaErrors,
} from "../../forms/form-errors.ts";
import { useRefusal } from "../../forms/use-refusal.ts";
import { trpc } from "../../trpc.ts";
import { TimingFields } from "./recurring-fields.tsx";
import { RunPicker } from "./run-picker.tsx";

type Schedule = RouterOutputs["recurring"]["list"]["items"][number];

export interface RecurringValues {
  name: string;
  ruleId: string;
  templateId: string;
  frequency: "DAILY" | "WEEKLY" | "MONTHLY";
  timeOfDay: string;
  daysOfWeek: string[];
  dayOfMonth: number | string;
  isLastDayOfMonth: boolean;
  startDate: string;
  endDate: string;
  graceMinutes: number | string;
}

function valuesOf(schedule?: Schedule): RecurringValues {
  return {
    name: schedule?.name ?? "",
    ruleId: schedule ? String(schedule.ruleId) : "",
    templateId: schedule?.templateId ? String(schedule.templateId) : "",
    frequency: schedule?.frequency ?? "WEEKLY",
    timeOfDay: schedule?.timeOfDay ?? "09:00",
    daysOfWeek: (schedule?.daysOfWeek ?? [1]).map(String),
    dayOfMonth: schedule?.dayOfMonth ?? "",
    isLastDayOfMonth: schedule?.isLastDayOfMonth ?? false,
    startDate: schedule?.startDate ?? "",
    endDate: schedule?.endDate ?? "",
    graceMinutes: schedule?.graceMinutes ?? scheduleLimits.graceMinutes.default,
  };
}

/**
 * The form's values as the procedure's input; the zone is the shop's. An
 * edit leaves the rule out: a schedule keeps the rule it was made for.
 */
function toInput(values: RecurringValues, shopZone: string, isEdit: boolean) {
  const { ruleId, ...fields } = toFields(values, shopZone);

  return isEdit ? fields : { ...fields, ruleId };
}

function toFields(values: RecurringValues, shopZone: string) {
  return {
    name: values.name,
    ruleId: optionalNumber(values.ruleId),
    templateId: optionalNumber(values.templateId) ?? null,
    frequency: values.frequency,
    timeOfDay: values.timeOfDay,
    daysOfWeek: values.daysOfWeek.map(Number),
    dayOfMonth: optionalNumber(values.dayOfMonth) ?? null,
    isLastDayOfMonth: values.isLastDayOfMonth,
    timeZone: shopZone,
    startDate: optionalText(values.startDate) ?? null,
    endDate: optionalText(values.endDate) ?? null,
    graceMinutes: optionalNumber(values.graceMinutes),
  };
}

/** Creates a recurring schedule, or edits `schedule` when given. */
export function RecurringForm(props: {
  shopZone: string;
  schedule?: Schedule;
  onSaved: () => void;
}) {
  const { schedule, shopZone } = props;
  const schema = schedule
    ? recurringUpdateInput.omit({ id: true })
    : recurringCreateInput;
  const form = useForm({
    initialValues: valuesOf(schedule),
    validate: (values) =>
      schemaErrors(schema, toInput(values, shopZone, Boolean(schedule))),
  });
  const refusal = useRefusal(form);
  const callbacks = { onSuccess: props.onSaved, onError: refusal.show };
  const create = trpc.recurring.create.useMutation(callbacks);
  const update = trpc.recurring.update.useMutation(callbacks);

  return (
    <form
      noValidate
      aria-label={
        schedule ? "Edit recurring schedule" : "New recurring schedule"
      }
      onSubmit={form.onSubmit((values) => {
        refusal.clear();
        const input = toInput(values, shopZone, Boolean(schedule));
        if (schedule) {
          update.mutate({ ...schema.parse(input), id: schedule.id });
        } else {
          create.mutate(recurringCreateInput.parse(input));
        }
      })}
    >
      <Stack>
        <TextInput
          label="Name"
          withAsterisk
          maxLength={limits.name}
          data-autofocus
          {...form.getInputProps("name")}
        />
        <RunPicker form={form} isRuleFixed={Boolean(schedule)} />
        <TimingFields form={form} shopZone={shopZone} />
        <FormAlert message={refusal.message} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending || update.isPending}>
            {schedule ? "Save schedule" : "Create schedule"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
