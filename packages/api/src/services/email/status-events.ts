import type { EmailStatus, Prisma } from "@rally/db";

import { recordEvents } from "../../events/record.ts";
import type { DomainEventInput } from "../../events/types.ts";

export interface Transition {
  emailId: number;
  campaignId: number | null;
  customerId: number | null;
  from: EmailStatus | null;
  to: EmailStatus;
  reason?: string | null | undefined;
  data?: Record<string, unknown> | undefined;
  providerEventId?: string | undefined;
}

/**
 * Writes the audit row and the client event of each transition, in the
 * caller's transaction, then the progress of every campaign touched.
 */
export async function recordTransitions(
  tx: Prisma.TransactionClient,
  transitions: Transition[],
  now: Date,
) {
  if (transitions.length === 0) {
    return;
  }
  await tx.$executeRawUnsafe(
    `INSERT INTO email_events (email_id, from_status, to_status, reason, data,
      provider_event_id, occurred_at)
    SELECT u.email_id, u.from_status::email_status, u.to_status::email_status,
      u.reason, u.data::jsonb, u.provider_event_id, $7::timestamptz
    FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[],
      $6::text[]) AS u(email_id, from_status, to_status, reason, data,
      provider_event_id)`,
    transitions.map((t) => t.emailId),
    transitions.map((t) => t.from),
    transitions.map((t) => t.to),
    transitions.map((t) => t.reason ?? null),
    transitions.map((t) => (t.data ? JSON.stringify(t.data) : null)),
    transitions.map((t) => t.providerEventId ?? null),
    now,
  );
  const events: DomainEventInput[] = transitions.map((t) => ({
    type: "email.status",
    campaignId: t.campaignId,
    payload: {
      emailId: t.emailId,
      campaignId: t.campaignId,
      customerId: t.customerId,
      from: t.from,
      to: t.to,
      ...(t.reason ? { reason: t.reason } : {}),
    },
  }));
  const campaignIds = [
    ...new Set(transitions.flatMap((t) => t.campaignId ?? [])),
  ];
  events.push(...(await progressEvents(tx, campaignIds)));
  await recordEvents(tx, events);
}

/** Counts per status of each campaign, as clients show them live. */
export async function campaignCounts(
  tx: Prisma.TransactionClient,
  campaignIds: number[],
) {
  const rows = await tx.email.groupBy({
    by: ["campaignId", "status"],
    where: { campaignId: { in: campaignIds } },
    _count: { _all: true },
  });
  const counts = new Map<number, Partial<Record<EmailStatus, number>>>();
  for (const row of rows) {
    const id = row.campaignId as number;
    const entry = counts.get(id) ?? {};
    entry[row.status] = row._count._all;
    counts.set(id, entry);
  }

  return counts;
}

async function progressEvents(
  tx: Prisma.TransactionClient,
  campaignIds: number[],
): Promise<DomainEventInput[]> {
  if (campaignIds.length === 0) {
    return [];
  }
  const counts = await campaignCounts(tx, campaignIds);

  return campaignIds.map((campaignId) => ({
    type: "campaign.progress",
    campaignId,
    payload: { campaignId, counts: counts.get(campaignId) ?? {} },
  }));
}
