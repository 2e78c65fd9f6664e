import { Button, Group, NativeSelect, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { limits } from "@rally/api/limits";
import { appointmentCompleteInput } from "@rally/api/schemas";

import { FormAlert } from "../../forms/form-alert.tsx";
import { optionalNumber, schemaErrors } from "../../forms/form-errors.ts";
import { useRefusal } from "../../forms/use-refusal.ts";
import { WholeNumberInput } from "../../forms/whole-number-input.tsx";
import { trpc } from "../../trpc.ts";
import { useServiceTypeOptions } from "./service-type-options.ts";

interface CompleteValues {
  serviceTypeId: string;
  odometer: number | string;
}

/** Closes a visit and records the service performed at it. */
export function CompleteForm(props: {
  appointment: { id: number; serviceType: { id: number } | null };
  onDone: () => void;
}) {
  const { appointment } = props;
  const toInput = (values: CompleteValues) => ({
    id: appointment.id,
    serviceTypeId: optionalNumber(values.serviceTypeId),
    odometer: optionalNumber(values.odometer),
  });
  const form = useForm<CompleteValues>({
    initialValues: {
      serviceTypeId: appointment.serviceType
        ? String(appointment.serviceType.id)
        : "",
      odometer: "",
    },
    validate: (values) =>
      schemaErrors(appointmentCompleteInput, toInput(values)),
  });
  const refusal = useRefusal(form);
  const complete = trpc.appointment.complete.useMutation({
    onSuccess: props.onDone,
    onError: refusal.show,
  });
  const typeOptions = useServiceTypeOptions("Choose a service…");

  return (
    <form
      noValidate
      aria-label="Complete appointment"
      onSubmit={form.onSubmit((values) => {
        refusal.clear();
        complete.mutate(appointmentCompleteInput.parse(toInput(values)));
      })}
    >
      <Stack>
        <NativeSelect
          label="Service performed"
          withAsterisk
          data={typeOptions}
          {...form.getInputProps("serviceTypeId")}
        />
        <WholeNumberInput
          label="Odometer"
          suffix=" mi"
          min={0}
          max={limits.odometer.max}
          thousandSeparator
          {...form.getInputProps("odometer")}
        />
        <FormAlert message={refusal.message} />
        <Group justify="flex-end">
          <Button type="submit" loading={complete.isPending}>
            Complete visit
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
