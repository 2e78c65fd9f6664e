import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Text,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { limits } from "@rally/api/limits";

import type { ServiceRecordValues } from "./service-record-form.tsx";

export interface DeclinedValues {
  key: string;
  serviceTypeId: string;
  price: number | string;
}

let nextKey = 0;

/** The recommended services the customer said no to, with their prices. */
export function DeclinedFields(props: {
  form: UseFormReturnType<ServiceRecordValues>;
  typeOptions: { value: string; label: string }[];
}) {
  const { form } = props;
  const items = form.getValues().declined;
  const isFull = items.length >= limits.declinedPerRecord;

  return (
    <Fieldset legend="Declined work">
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          Nothing declined.
        </Text>
      ) : null}
      {items.map((item, index) => (
        <Group key={item.key} align="flex-end" mb="sm">
          <NativeSelect
            label={`Declined service ${index + 1}`}
            data={props.typeOptions}
            style={{ flex: 1 }}
            {...form.getInputProps(`declined.${index}.serviceTypeId`)}
          />
          <NumberInput
            label={`Quoted price ${index + 1}`}
            prefix="$"
            min={0}
            max={limits.priceCents.max / 100}
            decimalScale={2}
            thousandSeparator
            {...form.getInputProps(`declined.${index}.price`)}
          />
          <Button
            variant="subtle"
            color="red"
            onClick={() => form.removeListItem("declined", index)}
            aria-label={`Remove declined service ${index + 1}`}
          >
            Remove
          </Button>
        </Group>
      ))}
      <Button
        variant="default"
        size="xs"
        disabled={isFull}
        onClick={() =>
          form.insertListItem("declined", {
            key: String(nextKey++),
            serviceTypeId: "",
            price: "",
          })
        }
      >
        Add declined service
      </Button>
    </Fieldset>
  );
}
