import type { Prisma } from "@rally/db";

import { recordEvents } from "../../events/record.ts";

/** Mailbox providers start filtering a sender past 0.1% complaints. */
export const COMPLAINT_RATE_LIMIT = 0.001;

export const COMPLAINT_REASON = "complaint";

/**
 * Pauses a campaign whose complaint rate passed the limit, saying why in
 * `pausedReason` and in a campaign.status event staff see at once.
 *
 * There is no minimum sample: in a small campaign (under a thousand sent)
 * a single complaint pauses it, and staff must resume it by hand.
 */
export async function pauseOnComplaints(
  tx: Prisma.TransactionClient,
  campaignId: number,
) {
  const [complaints, reached] = await Promise.all([
    tx.emailEvent.count({
      where: { reason: COMPLAINT_REASON, email: { campaignId } },
    }),
    tx.email.count({
      where: { campaignId, status: { in: ["SENT", "DELIVERED", "BOUNCED"] } },
    }),
  ]);
  const rate = complaints / Math.max(1, reached);
  if (rate <= COMPLAINT_RATE_LIMIT) {
    return;
  }
  const reason =
    `complaint rate ${(rate * 100).toFixed(2)}% (${complaints} of ${reached})` +
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
