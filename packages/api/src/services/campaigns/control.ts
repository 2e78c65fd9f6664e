import type { CampaignStatus, Prisma } from "@rally/db";

import type { Services } from "../../context.ts";
import { DomainError, notFound } from "../../errors.ts";
import { recordEvents } from "../../events/record.ts";
import { EMAIL_QUEUED_CHANNEL } from "../email/dispatcher.ts";
import { finishCampaignsIfDone } from "../email/campaign-completion.ts";
import { recordTransitions } from "../email/status-events.ts";
import { getCampaign } from "./queries.ts";

type Deps = Pick<Services, "db" | "clock">;

async function move(
  tx: Prisma.TransactionClient,
  id: number,
  from: CampaignStatus[],
  to: CampaignStatus,
  data: Prisma.CampaignUpdateManyMutationInput = {},
) {
  const moved = await tx.campaign.updateMany({
    where: { id, status: { in: from } },
    data: { status: to, ...data },
  });
  if (moved.count === 1) {
    await recordEvents(tx, [
      {
        type: "campaign.status",
        campaignId: id,
        payload: { campaignId: id, status: to },
      },
    ]);

    return;
  }
  const current = await tx.campaign.findUnique({
    where: { id },
    select: { status: true },
  });
  if (!current) {
    throw notFound("campaign", id, "id");
  }
  throw new DomainError(
    "INVALID_STATE",
    `campaign ${id} is ${current.status}; it can be changed to ${to} only from ${from.join(" or ")}`,
    "id",
  );
}

/** Queued emails are cancelled; an email already with the provider finishes. */
export async function cancelCampaign(deps: Deps, id: number) {
  const now = deps.clock.now();
  await deps.db.prisma.$transaction(async (tx) => {
    await move(tx, id, ["QUEUED", "SENDING", "PAUSED"], "CANCELLED", {
      finishedAt: now,
    });
    const cancelled = await tx.email.updateManyAndReturn({
      where: { campaignId: id, status: "QUEUED" },
      data: { status: "CANCELLED", nextAttemptAt: null },
      select: { id: true, customerId: true },
    });
    await recordTransitions(
      tx,
      cancelled.map((email) => ({
        emailId: email.id,
        campaignId: id,
        customerId: email.customerId,
        from: "QUEUED",
        to: "CANCELLED",
        reason: "campaign cancelled",
      })),
      now,
    );
  });

  return getCampaign(deps.db, id);
}

export async function pauseCampaign(deps: Deps, id: number) {
  await deps.db.prisma.$transaction((tx) =>
    move(tx, id, ["QUEUED", "SENDING"], "PAUSED", {
      pausedReason: "paused by staff",
    }),
  );

  return getCampaign(deps.db, id);
}

/**
 * Resumes where it stopped: only emails still QUEUED are sent, so nobody
 * already sent to hears from the campaign twice.
 */
export async function resumeCampaign(deps: Deps, id: number) {
  await deps.db.prisma.$transaction(async (tx) => {
    await move(tx, id, ["PAUSED"], "SENDING", { pausedReason: null });
    await finishCampaignsIfDone(tx, [id], deps.clock.now());
    await tx.$executeRawUnsafe(
      `SELECT pg_notify('${EMAIL_QUEUED_CHANNEL}', '')`,
    );
  });

  return getCampaign(deps.db, id);
}
