/**
 * Writes every service record with its vehicle and customer as CSV to
 * stdout, streaming page by page.
 *
 *   pnpm --filter @rally/examples exec tsx export-service-history.ts > history.csv
 */
import { connect } from "./connect.ts";

const rally = connect();

function csv(values: (string | number | null | undefined)[]) {
  return values
    .map((value) => {
      const text = value === null || value === undefined ? "" : String(value);

      return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(",");
}

async function vehiclesById() {
  const vehicles = new Map<number, { label: string; customer: string }>();
  let cursor: number | undefined;
  do {
    const page = await rally.customer.list.query({ cursor, limit: 500 });
    for (const customer of page.items) {
      for (const vehicle of customer.vehicles) {
        vehicles.set(vehicle.id, {
          label: `${vehicle.year} ${vehicle.make} ${vehicle.model}`,
          customer: `${customer.firstName} ${customer.lastName}`,
        });
      }
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined);

  return vehicles;
}

try {
  const vehicles = await vehiclesById();
  console.log(csv(["date", "service", "odometer", "vehicle", "customer"]));
  let cursor: number | undefined;
  do {
    const page = await rally.serviceRecord.list.query({ cursor, limit: 500 });
    for (const record of page.items) {
      const vehicle = vehicles.get(record.vehicleId);
      console.log(
        csv([
          record.performedAt.toISOString().slice(0, 10),
          record.serviceType.name,
          record.odometer,
          vehicle?.label,
          vehicle?.customer,
        ]),
      );
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined);
} finally {
  rally.close();
}
