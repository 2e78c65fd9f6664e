/**
 * Writes a campaign's results as CSV to stdout, one row per recipient with
 * the email's status and when it changed, streaming page by page so a
 * campaign of any size exports in constant memory.
 *
 *   pnpm --filter @rally/examples exec tsx export-campaign.ts <campaignId> > results.csv
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { stringify } from "csv-stringify";

import { connect } from "./connect.ts";

const campaignId = Number(process.argv[2]);
if (!Number.isInteger(campaignId) || campaignId < 1) {
  console.error("usage: export-campaign.ts <campaignId>");
  process.exit(2);
}
const rally = connect();

/** Every email of the campaign, fetched a page at a time as it is read. */
async function* rows() {
  let cursor: number | undefined;
  do {
    const page = await rally.campaign.emails.query({
      campaignId,
      cursor,
      limit: 500,
    });
    for (const email of page.items) {
      yield {
        email: email.id,
        customer: email.customerId,
        to: email.toAddress,
        status: email.status,
        attempts: email.attempts,
        queued_at: email.createdAt,
        sent_at: email.sentAt,
        delivered_at: email.deliveredAt,
        updated_at: email.updatedAt,
        error: email.lastError,
      };
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined);
}

try {
  await pipeline(
    Readable.from(rows()),
    stringify({
      header: true,
      cast: { date: (date) => date.toISOString() },
    }),
    process.stdout,
  );
} finally {
  rally.close();
}
