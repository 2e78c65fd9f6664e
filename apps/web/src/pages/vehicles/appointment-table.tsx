import { Badge } from "@mantine/core";
import type { RouterOutputs } from "@rally/client";

import { formatDateTime } from "../../format.ts";
import { ListTable, type Column } from "../../shell/list-table.tsx";

type Appointment = RouterOutputs["vehicle"]["get"]["appointments"][number];

const statusColor = {
  SCHEDULED: "blue",
  COMPLETED: "green",
  CANCELLED: "gray",
  NO_SHOW: "red",
} as const satisfies Record<Appointment["status"], string>;

/** A vehicle's appointments, latest first. */
const columns: Column<Appointment>[] = [
  { header: "When", cell: (a) => formatDateTime(a.scheduledFor) },
  { header: "Service", cell: (a) => a.serviceType?.name ?? "—" },
  {
    header: "Status",
    cell: (a) => (
      <Badge variant="light" color={statusColor[a.status]}>
        {a.status.toLowerCase().replace("_", " ")}
      </Badge>
    ),
  },
  {
    header: "Booked through",
    cell: (a) => a.source.toLowerCase().replace("_", " "),
  },
];

export function AppointmentTable(props: { appointments: Appointment[] }) {
  return (
    <ListTable
      label="Appointments"
      columns={columns}
      rows={props.appointments}
      empty="No appointments."
    />
  );
}
