import type { Prisma } from "@rally/db";

import { recordEvents } from "../../events/record.ts";

/** Mailbox providers start filtering a sender past 0.1% complaints. */
export const COMPLAINT_RATE_LIMIT = 0.001;

/**
 * The rate is judged only once this many emails of the campaign reached
 * their recipients (sent and not bounced): at 1,000 a single complaint is
 * exactly 0.1%, so one complaint alone never pauses a campaign.
 *
 * What it costs: a campaign smaller than this never pauses itself, however
 * many complaints it draws; each complaining address is still suppressed.
 */
export const COMPLAINT_MIN_DELIVERED = 1_000;

export const COMPLAINT_REASON = "complaint";

/**
 * Pauses a campaign whose complaint rate passed the limit over at least
 * `COMPLAINT_MIN_DELIVERED` delivered emails, saying why in `pausedReason`
 * and in a campaign.status event staff see at once.
 */
export async function pauseOnComplaints(
  tx: Prisma.TransactionClient,
  campaignId: number,
) {
  const [complaints, delivered] = await Promise.all([
    tx.emailEvent.count({
      where: { reason: COMPLAINT_REASON, email: { campaignId } },
    }),
    tx.email.count({
      where: { campaignId, status: { in: ["SENT", "DELIVERED"] } },
    }),
  ]);
  const rate = complaints / Math.max(1, delivered);
  if (delivered < COMPLAINT_MIN_DELIVERED || rate <= COMPLAINT_RATE_LIMIT) {
    return;
  }
  const reason =
    `complaint rate ${(rate * 100).toFixed(2)}%` +
    ` (${complaints} of ${delivered} delivered)` +
    ` passed ${COMPLAINT_RATE_LIMIT * 100}%`;
  const paused = await tx.campaign.updateMany({
    where: { id: campaignId, status: { in: ["QUEUED", "SENDING"] } },
    data: { status: "PAUSED", pausedReason: reason },
  });
  if (paused.count === 0) {
    return;
  }
  await recordEvents(tx, [
    {
      type: "campaign.status",
      campaignId,
      payload: { campaignId, status: "PAUSED", reason },
    },
  ]);
}
