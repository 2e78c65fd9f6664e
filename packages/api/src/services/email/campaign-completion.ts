import type { Prisma } from "@rally/db";

import { recordEvents } from "../../events/record.ts";

/**
 * A sending campaign is DONE once no email of it is owed: none QUEUED
 * (including those waiting for a retry) and none SENDING.
 */
export async function finishCampaignsIfDone(
  tx: Prisma.TransactionClient,
  campaignIds: number[],
  now: Date,
) {
  const ids = [...new Set(campaignIds)];
  if (ids.length === 0) {
    return;
  }
  const finished = await tx.campaign.updateManyAndReturn({
    where: {
      id: { in: ids },
      status: { in: ["QUEUED", "SENDING"] },
      emails: { none: { status: { in: ["QUEUED", "SENDING"] } } },
    },
    data: { status: "DONE", finishedAt: now },
    select: { id: true },
  });
  await recordEvents(
    tx,
    finished.map(({ id }) => ({
      type: "campaign.status",
      campaignId: id,
      payload: { campaignId: id, status: "DONE" },
    })),
  );
}
