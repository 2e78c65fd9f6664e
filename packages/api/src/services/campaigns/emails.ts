import type { Database, Prisma } from "@rally/db";

import { notFound } from "../../errors.ts";
import { page } from "../scheduling/shared.ts";

/** What tools and reports see of each email a campaign sent. */
const campaignEmailSelect = {
  id: true,
  customerId: true,
  vehicleId: true,
  toAddress: true,
  status: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  sentAt: true,
  deliveredAt: true,
  updatedAt: true,
} as const satisfies Prisma.EmailSelect;

/** A campaign's emails in id order, a page at a time. */
export async function listCampaignEmails(
  db: Database,
  input: { campaignId: number; cursor?: number | undefined; limit: number },
) {
  const campaign = await db.prisma.campaign.findUnique({
    where: { id: input.campaignId },
    select: { id: true },
  });
  if (!campaign) {
    throw notFound("campaign", input.campaignId, "campaignId");
  }
  const rows = await db.prisma.email.findMany({
    where: { campaignId: input.campaignId },
    select: campaignEmailSelect,
    orderBy: { id: "asc" },
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });

  return page(rows, input.limit);
}
