import {
  Button,
  CloseButton,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { settingsLimits } from "@rally/api/settings-schemas";

import { weekdayNames } from "../../forms/weekday-chips.tsx";

export interface OpeningSpanValues {
  day: string;
  open: string;
  close: string;
}

const dayOptions = weekdayNames.map((label, index) => ({
  value: String(index + 1),
  label,
}));

/** Opening hours as spans: a day may have two, around a lunch break. */
export function OpeningHoursFields<
  Values extends { openingHours: OpeningSpanValues[] },
>(props: { form: UseFormReturnType<Values>; isReadOnly: boolean }) {
  const form = props.form as unknown as UseFormReturnType<{
    openingHours: OpeningSpanValues[];
  }>;
  const spans = form.getValues().openingHours;

  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        Opening hours
      </Text>
      {spans.length === 0 ? (
        <Text size="sm" c="dimmed">
          Closed every day: customers cannot book.
        </Text>
      ) : null}
      {spans.map((_, index) => (
        <Group key={index} align="flex-end" gap="sm">
          <NativeSelect
            label={`Day ${index + 1}`}
            data={dayOptions}
            {...form.getInputProps(`openingHours.${index}.day`)}
          />
          <TextInput
            label={`Opens ${index + 1}`}
            type="time"
            {...form.getInputProps(`openingHours.${index}.open`)}
          />
          <TextInput
            label={`Closes ${index + 1}`}
            type="time"
            {...form.getInputProps(`openingHours.${index}.close`)}
          />
          {props.isReadOnly ? null : (
            <CloseButton
              aria-label={`Remove opening hours ${index + 1}`}
              onClick={() => form.removeListItem("openingHours", index)}
            />
          )}
        </Group>
      ))}
      {props.isReadOnly ||
      spans.length >= settingsLimits.openingSpans ? null : (
        <Group>
          <Button
            variant="default"
            size="compact-sm"
            onClick={() =>
              form.insertListItem("openingHours", {
                day: "1",
                open: "08:00",
                close: "17:00",
              })
            }
          >
            Add opening hours
          </Button>
        </Group>
      )}
    </Stack>
  );
}
