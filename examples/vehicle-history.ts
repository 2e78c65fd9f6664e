/**
 * Prints one vehicle's service history, newest first, with declined work.
 *
 *   pnpm --filter @rally/examples exec tsx vehicle-history.ts <vehicleId>
 */
import { TRPCClientError } from "@rally/client/node";

import { connect } from "./connect.ts";

const vehicleId = Number(process.argv[2]);
if (!Number.isInteger(vehicleId) || vehicleId < 1) {
  console.error("usage: vehicle-history.ts <vehicleId>");
  process.exit(2);
}
const rally = connect();
try {
  const vehicle = await rally.vehicle.get.query({ id: vehicleId });
  console.log(
    `${vehicle.year} ${vehicle.make} ${vehicle.model}, owned by ${vehicle.customer.firstName} ${vehicle.customer.lastName}`,
  );
  for (const record of vehicle.serviceRecords) {
    const date = record.performedAt.toISOString().slice(0, 10);
    const miles = record.odometer === null ? "" : ` at ${record.odometer} mi`;
    console.log(`${date} ${record.serviceType.name}${miles}`);
    for (const declined of record.declined) {
      const price = (declined.priceCents / 100).toFixed(2);
      console.log(`  declined: ${declined.serviceType.name} ($${price})`);
    }
  }
} catch (error) {
  // Errors carry a code: NOT_FOUND, BAD_REQUEST, UNAUTHORIZED, ...
  if (error instanceof TRPCClientError && error.data?.code === "NOT_FOUND") {
    console.error(`no vehicle ${vehicleId}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
} finally {
  rally.close();
}
