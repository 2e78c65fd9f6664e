import type { Database, EmailStatus, Prisma } from "@rally/db";

import { notFound } from "../../errors.ts";
import { campaignCounts } from "../email/status-events.ts";

export const campaignSummarySelect = {
  id: true,
  ruleId: true,
  templateId: true,
  status: true,
  asOf: true,
  controlShare: true,
  pausedReason: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  rule: { select: { id: true, name: true } },
  template: { select: { id: true, name: true } },
} as const satisfies Prisma.CampaignSelect;

export async function listCampaigns(
  db: Database,
  input: {
    cursor?: number | undefined;
    limit: number;
    ruleId?: number | undefined;
  },
) {
  const campaigns = await db.prisma.campaign.findMany({
    where: {
      ...(input.ruleId ? { ruleId: input.ruleId } : {}),
      ...(input.cursor ? { id: { lt: input.cursor } } : {}),
    },
    select: campaignSummarySelect,
    orderBy: { id: "desc" },
    take: input.limit,
  });
  const counts = await campaignCounts(
    db.prisma,
    campaigns.map((c) => c.id),
  );

  return campaigns.map((campaign) => ({
    ...campaign,
    counts: counts.get(campaign.id) ?? {},
  }));
}

/** A campaign with its counts per email status and its cohort's size. */
export async function getCampaign(db: Database, id: number) {
  const campaign = await db.prisma.campaign.findUnique({
    where: { id },
    select: campaignSummarySelect,
  });
  if (!campaign) {
    throw notFound("campaign", id, "id");
  }
  const [counts, recipients] = await Promise.all([
    campaignCounts(db.prisma, [id]),
    db.prisma.campaignRecipient.groupBy({
      by: ["isControl"],
      where: { campaignId: id },
      _count: { _all: true },
    }),
  ]);
  const cohort = (isControl: boolean) =>
    recipients.find((r) => r.isControl === isControl)?._count._all ?? 0;
  const emailCounts: Partial<Record<EmailStatus, number>> =
    counts.get(id) ?? {};

  return {
    ...campaign,
    counts: emailCounts,
    emails: Object.values(emailCounts).reduce((sum, n) => sum + n, 0),
    recipients: cohort(false),
    controls: cohort(true),
  };
}
