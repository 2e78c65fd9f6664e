import { Chip, Group, Stack, Text } from "@mantine/core";
import { useId } from "react";

/** ISO weekdays, 1 = Monday, as the API numbers them. */
export const weekdayNames = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
];

/** Picks ISO weekdays as text values ("1" to "7") for a form field. */
export function WeekdayChips(props: {
  label: string;
  /** Mantine's getInputProps, whose value is optional. */
  value?: string[];
  onChange: (days: string[]) => void;
  error?: unknown;
}) {
  const labelId = useId();
  const error = typeof props.error === "string" ? props.error : null;

  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={labelId}>
        {props.label}
      </Text>
      <Group gap="xs" role="group" aria-labelledby={labelId}>
        <Chip.Group
          multiple
          value={props.value ?? []}
          onChange={props.onChange}
        >
          {weekdayNames.map((day, index) => (
            <Chip key={day} value={String(index + 1)} size="sm">
              {day.slice(0, 3)}
            </Chip>
          ))}
        </Chip.Group>
      </Group>
      {error ? (
        <Text size="xs" c="red.8" role="alert">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
