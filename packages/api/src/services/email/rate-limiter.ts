import type { Database } from "@rally/db";

import type { Clock } from "../../clock.ts";

export interface RateLimiter {
  /**
   * Takes up to `wanted` tokens now, or none while fewer than `atLeast`
   * (1 by default) are there; resolves to how many it got.
   */
  take(wanted: number, atLeast?: number): Promise<number>;
  /** Returns tokens taken but not used. */
  give(unused: number): Promise<void>;
  /**
   * When `wanted` tokens (1 by default, at most a full bucket) will be
   * there, as of the bucket last seen.
   */
  nextTokenAt(wanted?: number): Date;
  /** What one batch's sends said about the pace the provider takes. */
  learn(feedback: PaceFeedback): Promise<void>;
  currentRate(): number;
}

export interface PaceFeedback {
  /** Refusals asking us to slow down: each halves the rate. */
  slowDowns: number;
  /** Emails accepted after the last of those: each creeps back up. */
  acceptedSince: number;
}

interface BucketRow {
  granted?: number;
  tokens: number;
  pace: number;
  refilledAt: Date;
}

const RETURNING = `RETURNING b.tokens, b.pace, b.refilled_at AS "refilledAt"`;

/**
 * A token bucket per provider account, kept in one database row that every
 * worker process takes from, so together they send at the configured rate
 * rather than each at all of it. A batch takes its tokens in one UPDATE,
 * the refill worked out from the time elapsed on the injected clock. Slowing
 * down is multiplicative and recovering additive, and shared too: a
 * provider that pushes back on one worker is pushing back on the account.
 *
 * Every worker should be given the same rate: each refills at its own, so
 * mismatched settings average out somewhere between them. Each also reads
 * time from its own clock: a machine running ahead pushes the refill mark
 * forward, and the others refill nothing until they catch up, so skewed
 * clocks can only slow sending (by about the skew), never speed it up.
 */
export function createRateLimiter(
  db: Database,
  clock: Clock,
  options: { key: string; perSecond: number; burst?: number },
): RateLimiter {
  const { key, perSecond } = options;
  const burst = options.burst ?? Math.max(1, perSecond);
  const floorPace = Math.max(0.1 / perSecond, 1 / 64);
  let seen: BucketRow | undefined;
  let created: Promise<unknown> | undefined;

  async function update(sql: string, params: unknown[]) {
    created ??= db.sql
      .query(
        `INSERT INTO send_rate_buckets (key, tokens, refilled_at)
         VALUES ($1, $2, $3::timestamptz) ON CONFLICT (key) DO NOTHING`,
        [key, burst, clock.now()],
      )
      .catch((error: unknown) => {
        // A failed first write (the database restarting) is tried again.
        created = undefined;
        throw error;
      });
    await created;
    const [row] = await db.sql.query<BucketRow>(sql, [key, ...params]);
    if (!row) {
      throw new Error(`send rate bucket ${key} is missing`);
    }
    seen = row;

    return row;
  }

  return {
    async take(wanted, atLeast = 1) {
      const row = await update(
        `WITH due AS (
          SELECT key, least($3::float8, tokens + greatest(0, extract(epoch
            FROM $2::timestamptz - refilled_at)::float8) * $4::float8 * pace)
            AS available
          FROM send_rate_buckets WHERE key = $1 FOR UPDATE
        ), g AS (
          SELECT key, available,
            CASE WHEN floor(available) >= $6::float8
              THEN least($5::float8, floor(available)) ELSE 0 END AS granted
          FROM due
        )
        UPDATE send_rate_buckets b SET tokens = g.available - g.granted,
          refilled_at = greatest(b.refilled_at, $2::timestamptz)
        FROM g WHERE b.key = g.key
        ${RETURNING}, g.granted::int AS granted`,
        [clock.now(), burst, perSecond, wanted, atLeast],
      );

      return row.granted ?? 0;
    },
    async give(unused) {
      if (unused > 0) {
        await update(
          `UPDATE send_rate_buckets b
          SET tokens = least($2::float8, b.tokens + $3::float8)
          WHERE b.key = $1 ${RETURNING}`,
          [burst, unused],
        );
      }
    },
    nextTokenAt(wanted = 1) {
      if (!seen) {
        return clock.now();
      }
      const missing = Math.max(0, Math.min(wanted, burst) - seen.tokens);
      const rate = perSecond * seen.pace;

      return new Date(
        new Date(seen.refilledAt).getTime() +
          Math.ceil((missing / rate) * 1000),
      );
    },
    async learn({ slowDowns, acceptedSince }) {
      const isAtFullPace = (seen?.pace ?? 1) >= 1;
      if (slowDowns === 0 && (acceptedSince === 0 || isAtFullPace)) {
        return;
      }
      // Pushed back: the tokens in hand go too, as a fresh bucket's would.
      await update(
        `UPDATE send_rate_buckets b SET
          pace = least(1, greatest($2::float8, b.pace / power(2, $3::int))
            + $4::int / 16.0),
          tokens = CASE WHEN $3::int > 0 THEN 0 ELSE b.tokens END,
          refilled_at = CASE WHEN $3::int > 0
            THEN greatest(b.refilled_at, $5::timestamptz)
            ELSE b.refilled_at END
        WHERE b.key = $1 ${RETURNING}`,
        [floorPace, slowDowns, acceptedSince, clock.now()],
      );
    },
    currentRate: () => perSecond * (seen?.pace ?? 1),
  };
}
