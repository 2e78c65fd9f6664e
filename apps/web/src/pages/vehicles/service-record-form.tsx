import {
  Button,
  Group,
  NativeSelect,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm, type UseFormReturnType } from "@mantine/form";
import { limits } from "@rally/api/limits";
import { serviceRecordCreateInput } from "@rally/api/schemas";
import type { RouterOutputs } from "@rally/client";

import { FormAlert } from "../../forms/form-alert.tsx";
import {
  optionalNumber,
  optionalText,
  schemaErrors,
} from "../../forms/form-errors.ts";
import { useRefusal } from "../../forms/use-refusal.ts";
import { WholeNumberInput } from "../../forms/whole-number-input.tsx";
import { fromDateInputValue, toDateInputValue } from "../../format.ts";
import { trpc } from "../../trpc.ts";
import { DeclinedFields, type DeclinedValues } from "./declined-fields.tsx";

export type ServiceType = RouterOutputs["serviceType"]["list"][number];

export interface ServiceRecordValues {
  serviceTypeId: string;
  performedAt: string;
  odometer: number | string;
  notes: string;
  declined: DeclinedValues[];
}

function toInput(vehicleId: number, values: ServiceRecordValues) {
  return {
    vehicleId,
    serviceTypeId: optionalNumber(values.serviceTypeId),
    performedAt: fromDateInputValue(values.performedAt),
    odometer: optionalNumber(values.odometer),
    notes: optionalText(values.notes),
    declined: values.declined.map((item) => ({
      serviceTypeId: optionalNumber(item.serviceTypeId),
      priceCents:
        item.price === "" ? undefined : Math.round(Number(item.price) * 100),
    })),
  };
}

/** Prices are entered in dollars but checked and stored in cents. */
const formPath = (path: string) => path.replace(/\.priceCents$/, ".price");

function initialValues(): ServiceRecordValues {
  return {
    serviceTypeId: "",
    performedAt: toDateInputValue(new Date()),
    odometer: "",
    notes: "",
    declined: [],
  };
}

/** What was done at the visit: the service, when, and the odometer. */
function VisitFields(props: {
  form: UseFormReturnType<ServiceRecordValues>;
  typeOptions: { value: string; label: string }[];
}) {
  const { form } = props;

  return (
    <>
      <Group grow align="flex-start">
        <NativeSelect
          label="Service"
          withAsterisk
          data={props.typeOptions}
          {...form.getInputProps("serviceTypeId")}
        />
        <TextInput
          label="Performed on"
          type="date"
          withAsterisk
          {...form.getInputProps("performedAt")}
        />
        <WholeNumberInput
          label="Odometer"
          suffix=" mi"
          min={0}
          max={limits.odometer.max}
          thousandSeparator
          {...form.getInputProps("odometer")}
        />
      </Group>
      <Textarea
        label="Notes"
        maxLength={limits.notes}
        autosize
        minRows={2}
        {...form.getInputProps("notes")}
      />
    </>
  );
}

/** Records a visit and the recommended work the customer declined. */
export function ServiceRecordForm(props: {
  vehicleId: number;
  serviceTypes: ServiceType[];
}) {
  const utils = trpc.useUtils();
  const form = useForm({
    initialValues: initialValues(),
    validate: (values) =>
      schemaErrors(
        serviceRecordCreateInput,
        toInput(props.vehicleId, values),
        formPath,
      ),
  });
  const refusal = useRefusal(form, formPath);
  const create = trpc.serviceRecord.create.useMutation({
    onSuccess: async () => {
      form.setValues(initialValues());
      await utils.vehicle.get.invalidate({ id: props.vehicleId });
    },
    onError: refusal.show,
  });
  const typeOptions = [
    { value: "", label: "Choose a service…" },
    ...props.serviceTypes.map((t) => ({ value: String(t.id), label: t.name })),
  ];

  return (
    <form
      noValidate
      aria-label="Add service record"
      onSubmit={form.onSubmit((values) => {
        refusal.clear();
        create.mutate(
          serviceRecordCreateInput.parse(toInput(props.vehicleId, values)),
        );
      })}
    >
      <Stack>
        <VisitFields form={form} typeOptions={typeOptions} />
        <DeclinedFields form={form} typeOptions={typeOptions} />
        <FormAlert message={refusal.message} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Add service record
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
