import { Checkbox, Group, SegmentedControl, TextInput } from "@mantine/core";
import type { FormErrors, UseFormReturnType } from "@mantine/form";
import { scheduleLimits } from "@rally/api/schedule-schemas";

import { WeekdayChips } from "../../forms/weekday-chips.tsx";
import { WholeNumberInput } from "../../forms/whole-number-input.tsx";
import type { RecurringValues } from "./recurring-form.tsx";

type Form = UseFormReturnType<
  RecurringValues,
  RecurringValues,
  (values: RecurringValues) => FormErrors
>;

/** When a recurring schedule runs, on the shop's clock. */
export function TimingFields(props: { form: Form; shopZone: string }) {
  const { form } = props;
  const frequency = form.getValues().frequency;

  return (
    <>
      <SegmentedControl
        aria-label="Repeats"
        data={[
          { value: "DAILY", label: "Daily" },
          { value: "WEEKLY", label: "Weekly" },
          { value: "MONTHLY", label: "Monthly" },
        ]}
        {...form.getInputProps("frequency")}
      />
      {frequency === "WEEKLY" ? (
        <WeekdayChips label="On" {...form.getInputProps("daysOfWeek")} />
      ) : null}
      {frequency === "MONTHLY" ? <MonthDayPicker form={form} /> : null}
      <TextInput
        label="Time of day"
        description={`On the shop's clock (${props.shopZone})`}
        type="time"
        withAsterisk
        {...form.getInputProps("timeOfDay")}
      />
      <Group grow align="flex-start">
        <TextInput
          label="First day"
          type="date"
          {...form.getInputProps("startDate")}
        />
        <TextInput
          label="Last day"
          type="date"
          {...form.getInputProps("endDate")}
        />
      </Group>
      <WholeNumberInput
        label="Late by at most (minutes)"
        description="A run missed by more than this is skipped"
        min={scheduleLimits.graceMinutes.min}
        max={scheduleLimits.graceMinutes.max}
        {...form.getInputProps("graceMinutes")}
      />
    </>
  );
}

function MonthDayPicker({ form }: { form: Form }) {
  const isLastDay = form.getValues().isLastDayOfMonth;

  return (
    <Group align="flex-end">
      <WholeNumberInput
        label="Day of the month"
        min={scheduleLimits.dayOfMonth.min}
        max={scheduleLimits.dayOfMonth.max}
        disabled={isLastDay}
        {...form.getInputProps("dayOfMonth")}
      />
      <Checkbox
        label="The last day"
        {...form.getInputProps("isLastDayOfMonth", { type: "checkbox" })}
      />
    </Group>
  );
}
