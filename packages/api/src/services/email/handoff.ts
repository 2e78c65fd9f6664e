import type { Database } from "@rally/db";

import { finishCampaignsIfDone } from "./campaign-completion.ts";
import { recordTransitions } from "./status-events.ts";

export const ABANDONED_SENT_REASON =
  "its worker stopped after the provider took it";
export const ABANDONED_UNKNOWN_REASON =
  "its worker stopped while handing it to the provider: it may have been sent, so it is not sent again";

export interface HandOff {
  emailId: number;
  /** The claim the sender holds the email under. */
  token: string;
}

/**
 * Marks claimed emails as going to the provider now, answering for each
 * whether it may be sent: not when this worker no longer holds the claim
 * (its lease ran out and another worker took the email over).
 */
export async function markHandedOff(
  db: Database,
  handOffs: HandOff[],
  now: Date,
) {
  const rows = await db.sql.query<{ id: number }>(
    `UPDATE emails e SET handed_off_at = $3
    FROM unnest($1::int[], $2::uuid[]) AS h(id, token)
    WHERE e.id = h.id AND e.status = 'SENDING' AND e.claim_token = h.token
    RETURNING e.id`,
    [handOffs.map((h) => h.emailId), handOffs.map((h) => h.token), now],
  );
  const marked = new Set(rows.map((row) => row.id));

  return handOffs.map((h) => marked.has(h.emailId));
}

export interface Acceptance extends HandOff {
  at: Date;
  providerMessageId: string;
}

/** The provider took these emails: recorded at once, before the batch ends. */
export async function markAccepted(
  db: Database,
  provider: string,
  accepted: Acceptance[],
) {
  await db.sql.query(
    `UPDATE emails e SET sent_at = a.at, provider = $5,
      provider_message_id = a.provider_message_id
    FROM unnest($1::int[], $2::uuid[], $3::timestamptz[], $4::text[])
      AS a(id, token, at, provider_message_id)
    WHERE e.id = a.id AND e.status = 'SENDING' AND e.claim_token = a.token`,
    [
      accepted.map((a) => a.emailId),
      accepted.map((a) => a.token),
      accepted.map((a) => a.at),
      accepted.map((a) => a.providerMessageId),
      provider,
    ],
  );

  return accepted.map(() => undefined);
}

/** The provider refused: the email may be tried again after a crash. */
export async function unmarkHandedOff(
  db: Database,
  emailId: number,
  token: string,
) {
  await db.sql.query(
    `UPDATE emails SET handed_off_at = NULL
    WHERE id = $1 AND status = 'SENDING' AND claim_token = $2::uuid`,
    [emailId, token],
  );
}

/** Pushes back the lease of the batch's emails still being sent. */
export async function renewLease(
  db: Database,
  token: string,
  leaseUntil: Date,
) {
  await db.sql.query(
    `UPDATE emails SET lease_until = $2
    WHERE claim_token = $1::uuid AND status = 'SENDING'`,
    [token, leaseUntil],
  );
}

/**
 * Ends the emails of claims whose worker stopped after handing them to the
 * provider: SENT when the provider's acceptance was recorded, otherwise
 * FAILED. Sending those again could mail a customer twice; the cost is
 * that an email whose worker died mid-hand-off (at most the dispatcher's
 * concurrency per dead worker) is reported failed and not retried, though
 * the provider may have delivered it.
 */
export async function settleAbandoned(db: Database, now: Date) {
  return db.prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<SettledRow[]>(
      `WITH abandoned AS (
        SELECT id FROM emails WHERE status = 'SENDING'
          AND lease_until < $1::timestamptz AND handed_off_at IS NOT NULL
        ORDER BY id LIMIT 1000
        FOR UPDATE SKIP LOCKED
      )
      UPDATE emails e SET status = (CASE WHEN e.sent_at IS NULL
          THEN 'FAILED' ELSE 'SENT' END)::email_status,
        last_error = CASE WHEN e.sent_at IS NULL THEN $2 ELSE e.last_error END,
        lease_until = NULL, claim_token = NULL, handed_off_at = NULL,
        updated_at = $1::timestamptz
      FROM abandoned WHERE e.id = abandoned.id
      RETURNING e.id, e.status::text AS status, e.campaign_id, e.customer_id,
        e.attempts`,
      now,
      ABANDONED_UNKNOWN_REASON,
    );
    await recordTransitions(
      tx,
      rows.map((row) => ({
        emailId: row.id,
        campaignId: row.campaign_id,
        customerId: row.customer_id,
        from: "SENDING",
        to: row.status,
        reason:
          row.status === "SENT"
            ? ABANDONED_SENT_REASON
            : ABANDONED_UNKNOWN_REASON,
        data: { attempt: row.attempts },
      })),
      now,
    );
    await finishCampaignsIfDone(
      tx,
      rows.flatMap((row) => row.campaign_id ?? []),
      now,
    );

    return rows.length;
  });
}

interface SettledRow {
  id: number;
  status: "SENT" | "FAILED";
  campaign_id: number | null;
  customer_id: number | null;
  attempts: number;
}
