import type { Database, EmailStatus, Prisma } from "@rally/db";

import type { ClaimedEmail } from "./claim.ts";
import { finishCampaignsIfDone } from "./campaign-completion.ts";
import { recordTransitions } from "./status-events.ts";

export interface Outcome {
  email: ClaimedEmail;
  status: Extract<EmailStatus, "SENT" | "QUEUED" | "FAILED" | "SKIPPED">;
  reason?: string | null;
  providerMessageId?: string | null;
  nextAttemptAt?: Date | null;
  /** What was rendered at send time, kept so staff see what went out. */
  rendered?: { subject: string; html: string | null; text: string } | null;
}

interface UpdatedRow {
  id: number;
  status: EmailStatus;
  campaign_id: number | null;
  customer_id: number | null;
}

/**
 * Writes a batch's outcomes in one transaction and one UPDATE. The claim
 * guard makes a worker that lost its claim (its lease ran out and another
 * worker took over) change nothing.
 */
export async function finalizeBatch(
  db: Database,
  outcomes: Outcome[],
  options: { now: Date; token: string; provider: string },
) {
  if (outcomes.length === 0) {
    return [];
  }
  const column = <T>(pick: (o: Outcome) => T) => outcomes.map(pick);

  return db.prisma.$transaction(async (tx) => {
    const updated = await tx.$queryRawUnsafe<UpdatedRow[]>(
      `UPDATE emails e SET status = u.status::email_status,
        sent_at = CASE WHEN u.status = 'SENT'
          THEN coalesce(e.sent_at, $9::timestamptz) ELSE e.sent_at END,
        provider = $11, provider_message_id = COALESCE(u.pmid, e.provider_message_id),
        last_error = u.reason, next_attempt_at = u.next_at::timestamptz,
        lease_until = NULL, claim_token = NULL, handed_off_at = NULL, subject = COALESCE(u.subject, e.subject),
        html = COALESCE(u.html, e.html), text = COALESCE(u.text, e.text),
        updated_at = $9::timestamptz
      FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[],
        $6::text[], $7::text[], $8::text[])
        AS u(id, status, reason, pmid, next_at, subject, html, text)
      WHERE e.id = u.id AND e.status = 'SENDING'
        AND e.claim_token = $10::uuid
      RETURNING e.id, e.status::text AS status, e.campaign_id, e.customer_id`,
      column((o) => o.email.id),
      column((o) => o.status),
      column((o) => o.reason?.slice(0, 1_000) ?? null),
      column((o) => o.providerMessageId ?? null),
      column((o) => o.nextAttemptAt?.toISOString() ?? null),
      column((o) => o.rendered?.subject ?? null),
      column((o) => o.rendered?.html ?? null),
      column((o) => o.rendered?.text ?? null),
      options.now,
      options.token,
      options.provider,
    );
    const byId = new Map(outcomes.map((o) => [o.email.id, o]));
    await recordTransitions(
      tx,
      updated.map((row) => {
        const outcome = byId.get(row.id) as Outcome;

        return {
          emailId: row.id,
          campaignId: row.campaign_id,
          customerId: row.customer_id,
          from: "SENDING",
          to: row.status,
          reason: outcome.reason,
          data: {
            provider: options.provider,
            attempt: outcome.email.attempts,
            ...(outcome.providerMessageId
              ? { providerMessageId: outcome.providerMessageId }
              : {}),
          },
        };
      }),
      options.now,
    );
    await retitleThreads(tx, outcomes);
    await finishCampaignsIfDone(
      tx,
      updated.flatMap((row) => row.campaign_id ?? []),
      options.now,
    );

    return updated;
  });
}

/** A campaign thread is titled with the subject its customer actually got. */
async function retitleThreads(
  tx: Prisma.TransactionClient,
  outcomes: Outcome[],
) {
  const rendered = outcomes.filter((o) => o.rendered && o.email.threadId);
  if (rendered.length === 0) {
    return;
  }
  await tx.$executeRawUnsafe(
    `UPDATE threads t SET subject = u.subject
    FROM unnest($1::int[], $2::text[]) AS u(id, subject) WHERE t.id = u.id`,
    rendered.map((o) => o.email.threadId),
    rendered.map((o) => o.rendered?.subject),
  );
}
