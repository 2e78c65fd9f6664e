import type { Database, EmailStatus } from "@rally/db";

import { recordEvents } from "../../events/record.ts";
import { recordTransitions } from "./status-events.ts";

export interface ClaimedEmail {
  id: number;
  campaignId: number | null;
  customerId: number | null;
  threadId: number | null;
  previousStatus: EmailStatus;
  toAddress: string;
  fromAddress: string;
  subject: string;
  html: string | null;
  text: string | null;
  messageId: string;
  inReplyTo: string | null;
  references: string | null;
  attempts: number;
}

export interface ClaimOptions {
  limit: number;
  now: Date;
  leaseUntil: Date;
  /** Names this batch's claim; every later write of the batch checks it. */
  token: string;
  /** Outside the shop's sending window only non-campaign mail leaves. */
  isCampaignMailAllowed: boolean;
}

/** Campaign mail only while its campaign sends and the window is open. */
const SENDABLE = `(e.campaign_id IS NULL OR ($4 AND EXISTS (
  SELECT 1 FROM campaigns c WHERE c.id = e.campaign_id
    AND c.status IN ('QUEUED', 'SENDING'))))`;

const QUEUED_DUE = `e.status = 'QUEUED' AND e.direction = 'OUTBOUND'
  AND (e.next_attempt_at IS NULL OR e.next_attempt_at <= $1::timestamptz)`;

/**
 * Claims due emails for this worker: SENDING ones whose worker's lease ran
 * out (it crashed) before it handed them to the provider first
 * (`settleAbandoned` ends the others), then QUEUED ones whose time has come,
 * oldest first. SKIP LOCKED lets any number of workers claim side by side
 * without waiting or overlapping. Each part walks an index in order and
 * stops at the batch size, so a claim costs the same with a million emails
 * queued.
 *
 * Queued mail is looked for outside campaigns and in each campaign that may
 * send, never by walking every queued email and asking about its campaign:
 * a paused campaign's mail, or all campaign mail while the window is shut,
 * is not read at all. Each campaign offers a batch's worth and the oldest
 * win; the rest stay locked until this claim commits, so a worker claiming
 * at that moment takes younger mail instead, never the same mail.
 */
export async function claimBatch(db: Database, options: ClaimOptions) {
  return db.prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<ClaimedEmail[]>(
      `WITH expired AS (
        SELECT e.id, e.status AS previous_status FROM emails e
        WHERE e.status = 'SENDING' AND e.lease_until < $1::timestamptz
          AND e.handed_off_at IS NULL
          AND e.direction = 'OUTBOUND' AND ${SENDABLE}
        ORDER BY e.id
        LIMIT $3
        FOR UPDATE OF e SKIP LOCKED
      ), loose AS (
        SELECT e.id, e.status AS previous_status FROM emails e
        WHERE e.campaign_id IS NULL AND ${QUEUED_DUE}
        ORDER BY e.campaign_id, e.id
        LIMIT $3
        FOR UPDATE OF e SKIP LOCKED
      ), in_campaigns AS (
        SELECT m.id, m.previous_status FROM campaigns c
        CROSS JOIN LATERAL (
          -- A range, not "=": from "=" the planner learns the order is just
          -- by id, and may walk the primary key past other campaigns' mail.
          SELECT e.id, e.status AS previous_status FROM emails e
          WHERE e.campaign_id >= c.id AND e.campaign_id <= c.id
            AND ${QUEUED_DUE}
          ORDER BY e.campaign_id, e.id
          LIMIT $3
          FOR UPDATE OF e SKIP LOCKED
        ) m
        WHERE $4 AND c.status IN ('QUEUED', 'SENDING')
      ), queued AS (
        (SELECT * FROM loose) UNION ALL (SELECT * FROM in_campaigns)
        ORDER BY id
        LIMIT $3
      ), due AS (
        (SELECT * FROM expired) UNION ALL (SELECT * FROM queued) LIMIT $3
      )
      UPDATE emails e SET status = 'SENDING', lease_until = $2::timestamptz,
        claim_token = $5::uuid, handed_off_at = NULL,
        attempts = e.attempts + 1, updated_at = $1::timestamptz
      FROM due WHERE e.id = due.id
      RETURNING e.id, e.campaign_id AS "campaignId",
        e.customer_id AS "customerId", e.thread_id AS "threadId",
        due.previous_status::text AS "previousStatus",
        e.to_address AS "toAddress", e.from_address AS "fromAddress",
        e.subject, e.html, e.text, e.message_id AS "messageId",
        e.in_reply_to AS "inReplyTo", e.references, e.attempts`,
      options.now,
      options.leaseUntil,
      options.limit,
      options.isCampaignMailAllowed,
      options.token,
    );
    if (rows.length === 0) {
      return rows;
    }
    await recordTransitions(
      tx,
      rows.map((row) => ({
        emailId: row.id,
        campaignId: row.campaignId,
        customerId: row.customerId,
        from: row.previousStatus,
        to: "SENDING",
        reason:
          row.previousStatus === "SENDING"
            ? "reclaimed after the lease expired"
            : null,
        data: { attempt: row.attempts },
      })),
      options.now,
    );
    await startCampaigns(tx, rows, options.now);

    return rows;
  });
}

async function startCampaigns(
  tx: Parameters<Parameters<Database["prisma"]["$transaction"]>[0]>[0],
  rows: ClaimedEmail[],
  now: Date,
) {
  const ids = [...new Set(rows.flatMap((row) => row.campaignId ?? []))];
  const started = await tx.campaign.updateManyAndReturn({
    where: { id: { in: ids }, status: "QUEUED" },
    data: { status: "SENDING", startedAt: now },
    select: { id: true },
  });
  await recordEvents(
    tx,
    started.map(({ id }) => ({
      type: "campaign.status",
      campaignId: id,
      payload: { campaignId: id, status: "SENDING" },
    })),
  );
}
