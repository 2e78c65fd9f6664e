import {
  Button,
  Group,
  NativeSelect,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { limits } from "@rally/api/limits";
import { appointmentCreateInput } from "@rally/api/schemas";

import { FormAlert } from "../../forms/form-alert.tsx";
import {
  optionalNumber,
  optionalText,
  schemaErrors,
} from "../../forms/form-errors.ts";
import { useRefusal } from "../../forms/use-refusal.ts";
import { trpc } from "../../trpc.ts";
import { useServiceTypeOptions } from "./service-type-options.ts";
import { SlotPicker } from "./slot-picker.tsx";
import { fromShopInput, toShopInput } from "./shop-time.ts";
import { VehiclePicker, type VehicleOption } from "./vehicle-picker.tsx";

interface AppointmentValues {
  vehicleId: string;
  serviceTypeId: string;
  scheduledFor: string;
  notes: string;
}

export interface AppointmentDraft {
  vehicle?: VehicleOption | undefined;
  scheduledFor?: Date | undefined;
  source?: "CONSOLE" | "REPLY";
}

function toInput(
  values: AppointmentValues,
  timeZone: string,
  source: "CONSOLE" | "REPLY",
) {
  return {
    vehicleId: optionalNumber(values.vehicleId),
    serviceTypeId: optionalNumber(values.serviceTypeId),
    scheduledFor: fromShopInput(values.scheduledFor, timeZone),
    notes: optionalText(values.notes),
    source,
  };
}

/** Books a vehicle in at a time on the shop's clock. */
export function AppointmentForm(props: {
  timeZone: string;
  draft?: AppointmentDraft | undefined;
  onCreated: () => void;
}) {
  const { timeZone, draft } = props;
  const source = draft?.source ?? "CONSOLE";
  const form = useForm<AppointmentValues>({
    initialValues: {
      vehicleId: draft?.vehicle?.value ?? "",
      serviceTypeId: "",
      scheduledFor: draft?.scheduledFor
        ? toShopInput(draft.scheduledFor, timeZone)
        : "",
      notes: "",
    },
    validate: (values) =>
      schemaErrors(appointmentCreateInput, toInput(values, timeZone, source)),
  });
  const refusal = useRefusal(form);
  const create = trpc.appointment.create.useMutation({
    onSuccess: props.onCreated,
    onError: refusal.show,
  });
  const typeOptions = useServiceTypeOptions("Not decided yet");

  return (
    <form
      noValidate
      aria-label="New appointment"
      onSubmit={form.onSubmit((values) => {
        refusal.clear();
        create.mutate(
          appointmentCreateInput.parse(toInput(values, timeZone, source)),
        );
      })}
    >
      <Stack>
        <VehiclePicker
          initial={draft?.vehicle}
          selectProps={form.getInputProps("vehicleId")}
        />
        <NativeSelect
          label="Service"
          data={typeOptions}
          {...form.getInputProps("serviceTypeId")}
        />
        <SlotPicker
          timeZone={timeZone}
          value={form.getValues().scheduledFor}
          onPick={(value) => form.setFieldValue("scheduledFor", value)}
        />
        <TextInput
          label="When"
          description={`On the shop's clock (${timeZone})`}
          type="datetime-local"
          withAsterisk
          {...form.getInputProps("scheduledFor")}
        />
        <Textarea
          label="Notes"
          maxLength={limits.notes}
          autosize
          minRows={2}
          {...form.getInputProps("notes")}
        />
        <FormAlert message={refusal.message} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Book appointment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
