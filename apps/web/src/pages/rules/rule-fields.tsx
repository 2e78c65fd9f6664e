import {
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Stack,
  TextInput,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { limits } from "@rally/api/limits";
import { cohortLimits } from "@rally/api/rule-schemas";

import { WholeNumberInput } from "../../forms/whole-number-input.tsx";
import { trpc } from "../../trpc.ts";
import type { RuleValues } from "./rule-values.ts";

type RuleForm = UseFormReturnType<RuleValues>;

const kindOptions = [
  { value: "SERVICE_DUE", label: "Service due" },
  { value: "DECLINED_WORK", label: "Declined work" },
];

/** The service type and the template, chosen from the shop's lists. */
function Choices({ form }: { form: RuleForm }) {
  const types = trpc.serviceType.list.useQuery();
  const templates = trpc.template.list.useQuery({ limit: limits.pageSize.max });
  const typeOptions = [
    { value: "", label: "Choose a service…" },
    ...(types.data ?? []).map((t) => ({ value: String(t.id), label: t.name })),
  ];
  const templateOptions = [
    { value: "", label: "No template yet" },
    ...(templates.data ?? []).map((t) => ({
      value: String(t.id),
      label: t.name,
    })),
  ];

  return (
    <Group grow align="flex-start">
      <NativeSelect
        label="Service"
        withAsterisk
        data={typeOptions}
        {...form.getInputProps("serviceTypeId")}
      />
      <NativeSelect
        label="Template"
        data={templateOptions}
        {...form.getInputProps("templateId")}
      />
    </Group>
  );
}

function Cadence({ form }: { form: RuleForm }) {
  const isDeclined = form.getValues().kind === "DECLINED_WORK";

  return (
    <>
      <Group grow align="flex-start">
        <WholeNumberInput
          label="Due every (months)"
          withAsterisk
          min={limits.cadenceMonths.min}
          max={limits.cadenceMonths.max}
          {...form.getInputProps("cadenceMonths")}
        />
        <WholeNumberInput
          label="Or every (miles)"
          description="Optional; whichever comes first"
          min={cohortLimits.mileageInterval.min}
          max={cohortLimits.mileageInterval.max}
          thousandSeparator
          {...form.getInputProps("mileageInterval")}
        />
      </Group>
      {isDeclined ? (
        <TextInput
          label="Remind after (days)"
          description={`Days after the declined visit, up to ${cohortLimits.declinedOffsets}, such as 30, 60, 90`}
          withAsterisk
          {...form.getInputProps("declinedOffsetsDays")}
        />
      ) : (
        <Checkbox
          label="Include vehicles never serviced for this"
          {...form.getInputProps("includeNeverServiced", { type: "checkbox" })}
        />
      )}
    </>
  );
}

function Filters({ form }: { form: RuleForm }) {
  return (
    <Fieldset legend="Only vehicles that match">
      <Stack gap="xs">
        <Group grow align="flex-start">
          <TextInput
            label="Make"
            maxLength={limits.name}
            {...form.getInputProps("filters.make")}
          />
          <TextInput
            label="Model"
            maxLength={limits.name}
            {...form.getInputProps("filters.model")}
          />
        </Group>
        <Group grow align="flex-start">
          <WholeNumberInput
            label="Model year from"
            min={limits.year.min}
            max={limits.year.max}
            {...form.getInputProps("filters.yearMin")}
          />
          <WholeNumberInput
            label="Model year to"
            min={limits.year.min}
            max={limits.year.max}
            {...form.getInputProps("filters.yearMax")}
          />
          <WholeNumberInput
            label="Visited within (months)"
            min={cohortLimits.visitedWithinMonths.min}
            max={cohortLimits.visitedWithinMonths.max}
            {...form.getInputProps("filters.visitedWithinMonths")}
          />
        </Group>
      </Stack>
    </Fieldset>
  );
}

/** Every field of a rule of either kind. */
export function RuleFields({ form }: { form: RuleForm }) {
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
      <Choices form={form} />
      <Cadence form={form} />
      <Filters form={form} />
    </Stack>
  );
}
