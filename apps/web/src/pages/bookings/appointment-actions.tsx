import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import type { RouterOutputs } from "@rally/client";
import { useState } from "react";

import { trpc } from "../../trpc.ts";
import { CompleteForm } from "./complete-form.tsx";
import { RescheduleForm } from "./reschedule-form.tsx";
import { shopDateTime } from "./shop-time.ts";

export type Appointment = RouterOutputs["appointment"]["list"]["items"][number];

type Dialog = "reschedule" | "complete" | "cancel" | null;

export function ownerOf(appointment: Appointment) {
  const { customer } = appointment.vehicle;

  return `${customer.firstName} ${customer.lastName}`;
}

/** Asks before an appointment is cancelled; the customer is not told. */
function CancelConfirm(props: {
  appointment: Appointment;
  onDone: () => void;
}) {
  const cancel = trpc.appointment.cancel.useMutation({
    onSuccess: props.onDone,
  });

  return (
    <Stack>
      <Text>
        {ownerOf(props.appointment)}’s appointment will be cancelled. Rally does
        not email the customer about it.
      </Text>
      {cancel.error ? (
        <Alert color="red" role="alert" title="Not cancelled">
          {cancel.error.message}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button
          color="red"
          loading={cancel.isPending}
          onClick={() => cancel.mutate({ id: props.appointment.id })}
        >
          Cancel appointment
        </Button>
      </Group>
    </Stack>
  );
}

const titles = {
  reschedule: "Reschedule",
  complete: "Complete visit",
  cancel: "Cancel appointment",
} as const;

/** What staff can do with an upcoming appointment, each in its dialog. */
export function AppointmentActions(props: {
  appointment: Appointment;
  timeZone: string;
}) {
  const { appointment, timeZone } = props;
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const noShow = trpc.appointment.noShow.useMutation();
  const who = `${ownerOf(appointment)}, ${shopDateTime(appointment.scheduledFor, timeZone)}`;

  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="compact-sm"
        variant="default"
        onClick={() => setDialog("reschedule")}
      >
        Reschedule
      </Button>
      <Button
        size="compact-sm"
        variant="default"
        onClick={() => setDialog("complete")}
      >
        Complete
      </Button>
      <Button
        size="compact-sm"
        variant="default"
        loading={noShow.isPending}
        onClick={() => noShow.mutate({ id: appointment.id })}
      >
        No-show
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        onClick={() => setDialog("cancel")}
      >
        Cancel
      </Button>
      {noShow.error ? (
        <Text size="sm" c="red" role="alert">
          {noShow.error.message}
        </Text>
      ) : null}
      <Modal
        opened={dialog !== null}
        onClose={close}
        title={dialog ? `${titles[dialog]}: ${who}` : ""}
        closeButtonProps={{ "aria-label": "Close" }}
      >
        {dialog === "reschedule" ? (
          <RescheduleForm
            appointment={appointment}
            timeZone={timeZone}
            onDone={close}
          />
        ) : dialog === "complete" ? (
          <CompleteForm appointment={appointment} onDone={close} />
        ) : dialog === "cancel" ? (
          <CancelConfirm appointment={appointment} onDone={close} />
        ) : null}
      </Modal>
    </Group>
  );
}
