import type { Database } from "@rally/db";

import type { RateLimiter } from "./rate-limiter.ts";
import { nextOpening } from "./send-window.ts";
import { loadShop } from "./shop.ts";

/** When due work is there but another worker holds it, look again then. */
const CONTENDED_RETRY_MS = 1_000;

/**
 * The wake facts of one source of mail (`source` picks its rows; `$1` is
 * now), each an index probe for one status of that source, so a
 * campaign's finished mail, however much, is never read. The next-retry
 * probe may walk (status, next_attempt_at) past other campaigns' future
 * retries: a paused campaign holding thousands of them slows each look by
 * that walk (a partial index per campaign would end it, at a write cost).
 */
const wakeFacts = (source: string) => `
  (SELECT min(e.next_attempt_at) FROM emails e
    WHERE ${source} AND e.status = 'QUEUED' AND e.direction = 'OUTBOUND'
      AND e.next_attempt_at > $1) AS next_retry,
  (SELECT min(e.lease_until) FROM emails e
    WHERE ${source} AND e.status = 'SENDING'
      AND e.direction = 'OUTBOUND') AS next_lease,
  EXISTS (SELECT 1 FROM emails e
    WHERE ${source} AND e.status = 'QUEUED' AND e.direction = 'OUTBOUND'
      AND (e.next_attempt_at IS NULL OR e.next_attempt_at <= $1)) AS is_due`;

interface WakeRow {
  next_retry: Date | null;
  next_lease: Date | null;
  is_due: boolean | null;
  is_due_unwindowed: boolean | null;
}

/**
 * When an idle dispatcher should look again without being told: the
 * earliest retry or lease expiry, the next opening of the sending window,
 * or the next rate-limit token. New mail wakes it through NOTIFY instead,
 * so an empty queue costs nothing.
 */
export async function nextWakeAt(
  db: Database,
  now: Date,
  limiter: RateLimiter,
  /** Tokens worth waking for when the rate is what holds mail back. */
  tokensWanted = 1,
): Promise<Date | null> {
  // Mail outside campaigns, then each campaign that may send on its own:
  // a paused campaign's queued mail is never read either.
  const [row] = await db.sql.query<WakeRow>(
    `WITH per_source AS (
      SELECT true AS is_unwindowed, ${wakeFacts("e.campaign_id IS NULL")}
      UNION ALL
      SELECT false, ${wakeFacts("e.campaign_id = c.id")}
      FROM campaigns c WHERE c.status IN ('QUEUED', 'SENDING')
    )
    SELECT min(next_retry) AS next_retry, min(next_lease) AS next_lease,
      bool_or(is_due) AS is_due,
      bool_or(is_due AND is_unwindowed) AS is_due_unwindowed
    FROM per_source`,
    [now],
  );
  const candidates = [row?.next_retry, row?.next_lease];
  if (row?.is_due) {
    candidates.push(
      await dueWake(db, now, limiter, !!row.is_due_unwindowed, tokensWanted),
    );
  }
  const times = candidates.flatMap((d) => (d ? [new Date(d).getTime()] : []));

  return times.length > 0 ? new Date(Math.min(...times)) : null;
}

async function dueWake(
  db: Database,
  now: Date,
  limiter: RateLimiter,
  isUnwindowedDue: boolean,
  tokensWanted: number,
) {
  const tokenAt = limiter.nextTokenAt(tokensWanted);
  if (tokenAt.getTime() > now.getTime()) {
    return tokenAt;
  }
  const shop = await loadShop(db);
  const opening = nextOpening(shop.sendWindow, shop.timeZone, now);
  if (!isUnwindowedDue && opening && opening.getTime() > now.getTime()) {
    return opening;
  }

  return new Date(now.getTime() + CONTENDED_RETRY_MS);
}
