import { Table, Text } from "@mantine/core";
import type { RouterOutputs } from "@rally/client";

import { formatCents, formatCount, formatDate } from "../../format.ts";

type ServiceRecord = RouterOutputs["vehicle"]["get"]["serviceRecords"][number];

function Declined({ items }: { items: ServiceRecord["declined"] }) {
  if (items.length === 0) {
    return "—";
  }

  return items
    .map((item) => `${item.serviceType.name} (${formatCents(item.priceCents)})`)
    .join(", ");
}

/** A vehicle's visits, newest first, with the work the customer declined. */
export function ServiceHistoryTable({ records }: { records: ServiceRecord[] }) {
  if (records.length === 0) {
    return <Text c="dimmed">No service recorded yet.</Text>;
  }

  return (
    <Table striped aria-label="Service history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Date</Table.Th>
          <Table.Th>Service</Table.Th>
          <Table.Th>Odometer</Table.Th>
          <Table.Th>Declined</Table.Th>
          <Table.Th>Notes</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {records.map((record) => (
          <Table.Tr key={record.id}>
            <Table.Td>{formatDate(record.performedAt)}</Table.Td>
            <Table.Td>{record.serviceType.name}</Table.Td>
            <Table.Td>
              {record.odometer === null
                ? "—"
                : `${formatCount(record.odometer)} mi`}
            </Table.Td>
            <Table.Td>
              <Declined items={record.declined} />
            </Table.Td>
            <Table.Td>{record.notes ?? ""}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
