import { Button, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { appointmentUpdateInput } from "@rally/api/schemas";

import { FormAlert } from "../../forms/form-alert.tsx";
import { schemaErrors } from "../../forms/form-errors.ts";
import { useRefusal } from "../../forms/use-refusal.ts";
import { trpc } from "../../trpc.ts";
import { fromShopInput, toShopInput } from "./shop-time.ts";

/** Moves an appointment to another time on the shop's clock. */
export function RescheduleForm(props: {
  appointment: { id: number; scheduledFor: Date };
  timeZone: string;
  onDone: () => void;
}) {
  const { appointment, timeZone } = props;
  const toInput = (values: { scheduledFor: string }) => ({
    id: appointment.id,
    scheduledFor: fromShopInput(values.scheduledFor, timeZone),
  });
  const form = useForm({
    initialValues: {
      scheduledFor: toShopInput(appointment.scheduledFor, timeZone),
    },
    // The schema lets a change leave the time alone; moving needs one.
    validate: (values) =>
      toInput(values).scheduledFor
        ? schemaErrors(appointmentUpdateInput, toInput(values))
        : { scheduledFor: "Required" },
  });
  const refusal = useRefusal(form);
  const update = trpc.appointment.update.useMutation({
    onSuccess: props.onDone,
    onError: refusal.show,
  });

  return (
    <form
      noValidate
      aria-label="Reschedule appointment"
      onSubmit={form.onSubmit((values) => {
        refusal.clear();
        update.mutate(appointmentUpdateInput.parse(toInput(values)));
      })}
    >
      <Stack>
        <TextInput
          label="New time"
          description={`On the shop's clock (${timeZone})`}
          type="datetime-local"
          withAsterisk
          {...form.getInputProps("scheduledFor")}
        />
        <FormAlert message={refusal.message} />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            Move appointment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
