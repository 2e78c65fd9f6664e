import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

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

/**
 * Counts sign-in attempts in this process's memory. With several API
 * processes each keeps its own counts, so a guesser spreading attempts over
 * them gets that many times the allowance; argon2id keeps each guess slow
 * regardless. The counters run on the wall clock, not the injected Clock.
 */
export function createLoginThrottle(): LoginThrottle {
  const perAccount = new RateLimiterMemory({
    points: loginLimits.failuresPerAccount,
    duration: loginLimits.windowSeconds,
  });
  const perAddress = new RateLimiterMemory({
    points: loginLimits.attemptsPerAddress,
    duration: loginLimits.windowSeconds,
  });
  const accountKey = (ip: string, email: string) => `${ip}|${email}`;

  return {
    async assertAllowed(ip, email) {
      const [account, address] = await Promise.all([
        perAccount.get(accountKey(ip, email)),
        perAddress.get(ip),
      ]);
      const isBlocked =
        (account?.consumedPoints ?? 0) >= loginLimits.failuresPerAccount ||
        (address?.consumedPoints ?? 0) >= loginLimits.attemptsPerAddress;
      if (isBlocked) {
        const waitMs = Math.max(
          account?.msBeforeNext ?? 0,
          address?.msBeforeNext ?? 0,
        );
        throw new DomainError(
          "RATE_LIMITED",
          `too many sign-in attempts; try again in ${Math.ceil(waitMs / 60_000)} minutes`,
        );
      }
      await perAddress.consume(ip).catch(ignoreExhausted);
    },
    async failed(ip, email) {
      await perAccount.consume(accountKey(ip, email)).catch(ignoreExhausted);
    },
    async succeeded(ip, email) {
      await perAccount.delete(accountKey(ip, email));
    },
  };
}

function ignoreExhausted(error: unknown) {
  if (!(error instanceof RateLimiterRes)) {
    throw error;
  }
}
