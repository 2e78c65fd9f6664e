import { Button, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { scheduleCreateInput } from "@rally/api/schedule-schemas";
import { DateTime } from "luxon";

import { FormAlert } from "../../forms/form-alert.tsx";
import {
  optionalNumber,
  schemaErrors,
  type PathMap,
} from "../../forms/form-errors.ts";
import { useRefusal } from "../../forms/use-refusal.ts";
import { trpc } from "../../trpc.ts";
import { RunPicker } from "./run-picker.tsx";

interface OneOffValues {
  ruleId: string;
  templateId: string;
  date: string;
  time: string;
}

const empty: OneOffValues = {
  ruleId: "",
  templateId: "",
  date: "",
  time: "09:00",
};

/** The run's moment is typed on the shop's wall clock. */
const formPath: PathMap = (path) => (path === "runAt" ? "date" : path);

function toInput(values: OneOffValues, shopZone: string) {
  const runAt = DateTime.fromISO(`${values.date}T${values.time}`, {
    zone: shopZone,
  });

  return {
    ruleId: optionalNumber(values.ruleId),
    templateId: optionalNumber(values.templateId) ?? null,
    runAt: runAt.isValid ? runAt.toJSDate() : undefined,
  };
}

/** One run of a rule at a moment in the future. */
export function OneOffForm(props: { shopZone: string; onSaved: () => void }) {
  const { shopZone } = props;
  const form = useForm({
    initialValues: empty,
    validate: (values) =>
      schemaErrors(scheduleCreateInput, toInput(values, shopZone), formPath),
  });
  const refusal = useRefusal(form, formPath);
  const create = trpc.schedule.create.useMutation({
    onSuccess: props.onSaved,
    onError: refusal.show,
  });

  return (
    <form
      noValidate
      aria-label="New one-off run"
      onSubmit={form.onSubmit((values) => {
        refusal.clear();
        create.mutate(scheduleCreateInput.parse(toInput(values, shopZone)));
      })}
    >
      <Stack>
        <RunPicker form={form} />
        <Group grow align="flex-start">
          <TextInput
            label="Day"
            type="date"
            withAsterisk
            {...form.getInputProps("date")}
          />
          <TextInput
            label="Time"
            description={`On the shop's clock (${shopZone})`}
            type="time"
            withAsterisk
            {...form.getInputProps("time")}
          />
        </Group>
        <FormAlert message={refusal.message} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Schedule run
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
