import type { Database, Prisma } from "@rally/db";
import type { z } from "zod";

import { notFound } from "../../errors.ts";
import type { campaignEmailsInput } from "../../schemas.ts";

/** What the console, tools and reports see of each email a campaign sent. */
export const campaignEmailSelect = {
  id: true,
  customerId: true,
  vehicleId: true,
  status: true,
  toAddress: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  sentAt: true,
  deliveredAt: true,
  updatedAt: true,
  customer: { select: { id: true, firstName: true, lastName: true } },
  /** The first of the vehicles the email is about. */
  vehicle: { select: { id: true, year: true, make: true, model: true } },
  _count: { select: { recipients: true } },
} as const satisfies Prisma.EmailSelect;

/** A campaign's own emails (not staff replies), a page at a time by id. */
export async function listCampaignEmails(
  db: Database,
  input: z.output<typeof campaignEmailsInput>,
) {
  const campaign = await db.prisma.campaign.findUnique({
    where: { id: input.campaignId },
    select: { id: true },
  });
  if (!campaign) {
    throw notFound("campaign", input.campaignId, "campaignId");
  }
  const rows = await db.prisma.email.findMany({
    where: {
      campaignId: input.campaignId,
      direction: "OUTBOUND",
      isReply: false,
      ...(input.status ? { status: input.status } : {}),
      ...(input.cursor ? { id: { gt: input.cursor } } : {}),
    },
    select: campaignEmailSelect,
    orderBy: { id: "asc" },
    take: input.limit + 1,
  });
  const hasMore = rows.length > input.limit;
  const page = hasMore ? rows.slice(0, input.limit) : rows;
  // One email covers all of a customer's due vehicles: say how many.
  const items = page.map(({ _count, ...email }) => ({
    ...email,
    vehicleCount: _count.recipients,
  }));

  return { items, nextCursor: hasMore ? page.at(-1)?.id : undefined };
}
