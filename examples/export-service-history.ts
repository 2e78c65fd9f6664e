/**
 * Writes every service record with its vehicle and customer as CSV to
 * stdout, streaming page by page.
 *
 *   pnpm --filter @rally/examples exec tsx export-service-history.ts > history.csv
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { stringify } from "csv-stringify";

import { connect } from "./connect.ts";

const rally = connect();

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

async function* rows() {
  const vehicles = await vehiclesById();
  let cursor: number | undefined;
  do {
    const page = await rally.serviceRecord.list.query({ cursor, limit: 500 });
    for (const record of page.items) {
      const vehicle = vehicles.get(record.vehicleId);
      yield {
        date: record.performedAt.toISOString().slice(0, 10),
        service: record.serviceType.name,
        odometer: record.odometer,
        vehicle: vehicle?.label,
        customer: vehicle?.customer,
      };
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined);
}

try {
  await pipeline(
    Readable.from(rows()),
    stringify({ header: true }),
    process.stdout,
  );
} finally {
  rally.close();
}
