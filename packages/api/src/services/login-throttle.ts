import type { Database } from "@rally/db";

import type { Clock } from "../clock.ts";
import { DomainError } from "../errors.ts";

/** Failed sign-ins allowed per account and address before a pause. */
export const loginLimits = {
  failuresPerAccount: 5,
  attemptsPerAddress: 30,
  windowSeconds: 15 * 60,
} as const;

export interface LoginThrottle {
  /** Throws RATE_LIMITED once this address or account has failed too often. */
  assertAllowed(ip: string, email: string): Promise<void>;
  failed(ip: string, email: string): Promise<void>;
  succeeded(ip: string, email: string): Promise<void>;
}

interface Counter {
  count: number;
  window_ends_at: Date;
}

/**
 * Sign-in counters in PostgreSQL (table sign_in_counters), so the
 * allowance holds for all API processes together, on the injected clock so
 * tests move time instead of waiting fifteen minutes. Each counter resets a
 * fixed window after its first hit. Expired counters are deleted as
 * sign-ins come, so a spray of addresses leaves nothing behind; argon2id
 * keeps each guess slow regardless.
 */
export function createLoginThrottle(db: Database, clock: Clock): LoginThrottle {
  const windowMs = loginLimits.windowSeconds * 1_000;
  const accountKey = (ip: string, email: string) => `account:${ip}|${email}`;
  const addressKey = (ip: string) => `address:${ip}`;

  /** Counts a hit; returns the counter as it now stands. */
  async function hit(key: string) {
    const now = clock.now();
    const [row] = await db.sql.query<Counter>(
      `INSERT INTO sign_in_counters AS s (key, count, window_ends_at)
       VALUES ($1, 1, $3)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN s.window_ends_at <= $2 THEN 1 ELSE s.count + 1 END,
         window_ends_at = CASE WHEN s.window_ends_at <= $2
           THEN EXCLUDED.window_ends_at ELSE s.window_ends_at END
       RETURNING count, window_ends_at`,
      [key, now, new Date(now.getTime() + windowMs)],
    );

    return row!;
  }

  function refuse(counters: Counter[]) {
    const now = clock.now().getTime();
    const waitMs = Math.max(
      ...counters.map((c) => new Date(c.window_ends_at).getTime() - now),
    );
    throw new DomainError(
      "RATE_LIMITED",
      `too many sign-in attempts; try again in ${Math.ceil(waitMs / 60_000)} minutes`,
    );
  }

  return {
    async assertAllowed(ip, email) {
      const now = clock.now();
      await db.sql.query(
        "DELETE FROM sign_in_counters WHERE window_ends_at <= $1",
        [now],
      );
      const [account] = await db.sql.query<Counter>(
        `SELECT count, window_ends_at FROM sign_in_counters
         WHERE key = $1 AND window_ends_at > $2`,
        [accountKey(ip, email), now],
      );
      if (account && account.count >= loginLimits.failuresPerAccount) {
        refuse([account]);
      }
      // Counted and checked in one statement: processes racing on one
      // address cannot both slip under the allowance.
      const address = await hit(addressKey(ip));
      if (address.count > loginLimits.attemptsPerAddress) {
        refuse([address]);
      }
    },
    async failed(ip, email) {
      await hit(accountKey(ip, email));
    },
    async succeeded(ip, email) {
      await db.sql.query("DELETE FROM sign_in_counters WHERE key = $1", [
        accountKey(ip, email),
      ]);
    },
  };
}
