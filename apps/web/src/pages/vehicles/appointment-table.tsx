import { Badge, Table, Text } from "@mantine/core";
import type { RouterOutputs } from "@rally/client";

import { formatDateTime } from "../../format.ts";

type Appointment = RouterOutputs["vehicle"]["get"]["appointments"][number];

const statusColor = {
  SCHEDULED: "blue",
  COMPLETED: "green",
  CANCELLED: "gray",
  NO_SHOW: "red",
} as const satisfies Record<Appointment["status"], string>;

/** A vehicle's appointments, latest first. */
export function AppointmentTable(props: { appointments: Appointment[] }) {
  if (props.appointments.length === 0) {
    return <Text c="dimmed">No appointments.</Text>;
  }

  return (
    <Table aria-label="Appointments">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Service</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Booked through</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.appointments.map((appointment) => (
          <Table.Tr key={appointment.id}>
            <Table.Td>{formatDateTime(appointment.scheduledFor)}</Table.Td>
            <Table.Td>{appointment.serviceType?.name ?? "—"}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={statusColor[appointment.status]}>
                {appointment.status.toLowerCase().replace("_", " ")}
              </Badge>
            </Table.Td>
            <Table.Td>
              {appointment.source.toLowerCase().replace("_", " ")}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
