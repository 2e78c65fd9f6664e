import { Anchor, Badge, Stack, Table, Title } from "@mantine/core";
import { Link } from "react-router";

import { useCanAct } from "../../shell/use-can-act.ts";
import {
  AppointmentActions,
  ownerOf,
  type Appointment,
} from "./appointment-actions.tsx";
import { dayHeading, shopTime } from "./shop-time.ts";

const sourceLabels = {
  CONSOLE: "Console",
  EMAIL_LINK: "Booking link",
  REPLY: "Email reply",
  IMPORT: "Import",
} as const satisfies Record<Appointment["source"], string>;

/** Appointments in time order, split by their day on the shop's clock. */
export function groupByDay(appointments: Appointment[]) {
  const days = new Map<string, Appointment[]>();
  for (const appointment of appointments) {
    days.set(appointment.day, [
      ...(days.get(appointment.day) ?? []),
      appointment,
    ]);
  }

  return [...days];
}

function AppointmentRow(props: { appointment: Appointment; timeZone: string }) {
  const { appointment, timeZone } = props;
  const { vehicle } = appointment;
  const canAct = useCanAct();

  return (
    <Table.Tr>
      <Table.Td>{shopTime(appointment.scheduledFor, timeZone)}</Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/customers/${vehicle.customer.id}`}>
          {ownerOf(appointment)}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/vehicles/${vehicle.id}`}>
          {vehicle.year} {vehicle.make} {vehicle.model}
        </Anchor>
      </Table.Td>
      <Table.Td>{appointment.serviceType?.name ?? "—"}</Table.Td>
      <Table.Td>
        <Badge variant="light" color="gray">
          {sourceLabels[appointment.source]}
        </Badge>
      </Table.Td>
      <Table.Td>
        {canAct ? (
          <AppointmentActions appointment={appointment} timeZone={timeZone} />
        ) : (
          "—"
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** One day's appointments under its date. */
export function AppointmentDay(props: {
  day: string;
  appointments: Appointment[];
  timeZone: string;
}) {
  const heading = dayHeading(props.day, props.timeZone);

  return (
    <Stack gap="xs" component="section" aria-label={heading}>
      <Title order={2} size="h4">
        {heading}
      </Title>
      <Table.ScrollContainer minWidth={760}>
        <Table aria-label={`Appointments on ${heading}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Time</Table.Th>
              <Table.Th>Customer</Table.Th>
              <Table.Th>Vehicle</Table.Th>
              <Table.Th>Service</Table.Th>
              <Table.Th>Booked through</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.appointments.map((appointment) => (
              <AppointmentRow
                key={appointment.id}
                appointment={appointment}
                timeZone={props.timeZone}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
