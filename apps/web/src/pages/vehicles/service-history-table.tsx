import type { RouterOutputs } from "@rally/client";

import { formatCents, formatCount, formatDate } from "../../format.ts";
import { ListTable, type Column } from "../../shell/list-table.tsx";

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
const columns: Column<ServiceRecord>[] = [
  { header: "Date", cell: (record) => formatDate(record.performedAt) },
  { header: "Service", cell: (record) => record.serviceType.name },
  {
    header: "Odometer",
    cell: (record) =>
      record.odometer === null ? "—" : `${formatCount(record.odometer)} mi`,
  },
  {
    header: "Declined",
    cell: (record) => <Declined items={record.declined} />,
  },
  { header: "Notes", cell: (record) => record.notes ?? "" },
];

export function ServiceHistoryTable({ records }: { records: ServiceRecord[] }) {
  return (
    <ListTable
      label="Service history"
      columns={columns}
      rows={records}
      empty="No service recorded yet."
      striped
    />
  );
}
