import { Anchor, Badge, Stack, Table, Title } from "@mantine/core";
import { Link } from "react-router";

import { ListTable, type Column } from "../../shell/list-table.tsx";
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

function appointmentColumns(
  timeZone: string,
  canAct: boolean,
): Column<Appointment>[] {
  return [
    {
      header: "Time",
      cell: (appointment) => shopTime(appointment.scheduledFor, timeZone),
    },
    {
      header: "Customer",
      cell: (appointment) => (
        <Anchor
          component={Link}
          to={`/customers/${appointment.vehicle.customer.id}`}
        >
          {ownerOf(appointment)}
        </Anchor>
      ),
    },
    {
      header: "Vehicle",
      cell: ({ vehicle }) => (
        <Anchor component={Link} to={`/vehicles/${vehicle.id}`}>
          {vehicle.year} {vehicle.make} {vehicle.model}
        </Anchor>
      ),
    },
    {
      header: "Service",
      cell: (appointment) => appointment.serviceType?.name ?? "—",
    },
    {
      header: "Booked through",
      cell: (appointment) => (
        <Badge variant="light" color="gray">
          {sourceLabels[appointment.source]}
        </Badge>
      ),
    },
    {
      header: "Actions",
      cell: (appointment) =>
        canAct ? (
          <AppointmentActions appointment={appointment} timeZone={timeZone} />
        ) : (
          "—"
        ),
    },
  ];
}

/** One day's appointments under its date. */
export function AppointmentDay(props: {
  day: string;
  appointments: Appointment[];
  timeZone: string;
}) {
  const heading = dayHeading(props.day, props.timeZone);
  const canAct = useCanAct();

  return (
    <Stack gap="xs" component="section" aria-label={heading}>
      <Title order={2} size="h4">
        {heading}
      </Title>
      <Table.ScrollContainer minWidth={760}>
        <ListTable
          label={`Appointments on ${heading}`}
          columns={appointmentColumns(props.timeZone, canAct)}
          rows={props.appointments}
          empty="No appointments this day."
        />
      </Table.ScrollContainer>
    </Stack>
  );
}
