import { Button, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { limits } from "@rally/api/limits";
import { vehicleCreateInput } from "@rally/api/schemas";

import { FormAlert } from "../../forms/form-alert.tsx";
import {
  optionalNumber,
  optionalText,
  schemaErrors,
} from "../../forms/form-errors.ts";
import { useRefusal } from "../../forms/use-refusal.ts";
import { WholeNumberInput } from "../../forms/whole-number-input.tsx";
import { trpc } from "../../trpc.ts";

interface VehicleValues {
  make: string;
  model: string;
  year: number | string;
  vin: string;
}

const empty: VehicleValues = { make: "", model: "", year: "", vin: "" };

function toInput(customerId: number, values: VehicleValues) {
  return {
    customerId,
    make: values.make,
    model: values.model,
    year: optionalNumber(values.year),
    vin: optionalText(values.vin),
  };
}

/** Adds a vehicle to a customer; the customer's page shows it at once. */
export function VehicleForm({ customerId }: { customerId: number }) {
  const utils = trpc.useUtils();
  const form = useForm({
    initialValues: empty,
    validate: (values) =>
      schemaErrors(vehicleCreateInput, toInput(customerId, values)),
  });
  const refusal = useRefusal(form);
  const create = trpc.vehicle.create.useMutation({
    onSuccess: async () => {
      form.reset();
      await Promise.all([
        utils.customer.get.invalidate({ id: customerId }),
        utils.customer.list.invalidate(),
      ]);
    },
    onError: refusal.show,
  });

  return (
    <form
      noValidate
      aria-label="Add vehicle"
      onSubmit={form.onSubmit((values) => {
        refusal.clear();
        create.mutate(vehicleCreateInput.parse(toInput(customerId, values)));
      })}
    >
      <Stack>
        <Group grow align="flex-start">
          <TextInput
            label="Make"
            withAsterisk
            maxLength={limits.name}
            {...form.getInputProps("make")}
          />
          <TextInput
            label="Model"
            withAsterisk
            maxLength={limits.name}
            {...form.getInputProps("model")}
          />
          <WholeNumberInput
            label="Year"
            withAsterisk
            min={limits.year.min}
            max={limits.year.max}
            {...form.getInputProps("year")}
          />
        </Group>
        <TextInput
          label="VIN"
          maxLength={limits.vin}
          {...form.getInputProps("vin")}
        />
        <FormAlert message={refusal.message} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Add vehicle
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
