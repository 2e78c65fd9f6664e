/**
 * Lists the vehicles due under a rule today, most overdue first, fetching
 * the cohort a page at a time.
 *
 *   pnpm --filter @rally/examples exec tsx vehicles-due.ts <ruleId> [--page-size N]
 */
import { parseArgs } from "node:util";

import { TRPCClientError } from "@rally/client/node";

import { connect } from "./connect.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "page-size": { type: "string", default: "100" } },
});
const ruleId = Number(positionals[0]);
const limit = Number(values["page-size"]);
if (!Number.isInteger(ruleId) || ruleId < 1) {
  console.error("usage: vehicles-due.ts <ruleId> [--page-size N]");
  process.exit(2);
}
const rally = connect();
try {
  let cursor: string | undefined;
  do {
    const page = await rally.cohort.preview.query({ ruleId, cursor, limit });
    if (cursor === undefined) {
      console.log(`${page.total} vehicles due (${page.due} before exclusions)`);
    }
    for (const { vehicle, customer, dueDate, daysOverdue } of page.items) {
      console.log(
        `${dueDate} (${daysOverdue} days overdue) ${vehicle.year} ${vehicle.make} ${vehicle.model}: ${customer.firstName} ${customer.lastName} <${customer.email}>`,
      );
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined);
} catch (error) {
  // BAD_REQUEST names the field at fault; NOT_FOUND an unknown rule.
  if (error instanceof TRPCClientError) {
    console.error(`${error.data?.code ?? "ERROR"}: ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
} finally {
  rally.close();
}
