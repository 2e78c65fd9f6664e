/**
 * Sends a rule's campaign and follows it live until every email has an
 * outcome, printing progress as it comes. Running it again with the same
 * --key follows the same campaign instead of sending a second one.
 *
 *   pnpm --filter @rally/examples exec tsx send-campaign.ts <ruleId> [--key KEY]
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";

import { connect } from "./connect.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { key: { type: "string" } },
});
const ruleId = Number(positionals[0]);
if (!Number.isInteger(ruleId) || ruleId < 1) {
  console.error("usage: send-campaign.ts <ruleId> [--key KEY]");
  process.exit(2);
}
const FINISHED = new Set(["DONE", "CANCELLED"]);
const rally = connect();
const sent = await rally.campaign.send.mutate({
  ruleId,
  idempotencyKey: values.key ?? `example-${randomUUID()}`,
});
const campaignId = sent.campaign.id;
console.log(`campaign ${campaignId}: ${sent.emails} emails queued`);

function describeCounts(counts: object) {
  return Object.entries(counts)
    .map(([status, n]) => `${status} ${String(n)}`)
    .join(", ");
}

let isFinished = false;

/** Prints the final counts and the outcome, then lets the process end. */
async function finish(status: string) {
  if (isFinished) {
    return;
  }
  isFinished = true;
  subscription.unsubscribe();
  const campaign = await rally.campaign.get.query({ id: campaignId });
  console.log(`final: ${describeCounts(campaign.counts)}`);
  console.log(`campaign ${campaignId} ${status}`);
  rally.close();
}

// Subscribe first, then read the status: a campaign that finishes between
// the two is still seen, by one or the other.
const subscription = rally.events.onCampaign.subscribe(
  { campaignId },
  {
    onStarted: async () => {
      const campaign = await rally.campaign.get.query({ id: campaignId });
      if (FINISHED.has(campaign.status)) {
        await finish(campaign.status);
      }
    },
    onData: ({ data }) => {
      if (data.kind === "refetch") {
        return; // progress counts come again with the next change
      }
      for (const { type, payload } of data.events) {
        if (type === "campaign.progress") {
          console.log(`progress: ${describeCounts(payload.counts as object)}`);
        } else if (type === "campaign.status") {
          const status = String(payload.status);
          if (FINISHED.has(status)) {
            void finish(status);
          }
        }
      }
    },
    onError: (error) => {
      console.error(error.message);
      process.exitCode = 1;
      rally.close();
    },
  },
);
