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

interface Window {
  count: number;
  endsAt: number;
}

/**
 * Counters that each reset a fixed window after their first hit. Written
 * here rather than taken from rate-limiter-flexible, which reads the wall
 * clock: these read the injected Clock, so tests move time instead of
 * waiting fifteen minutes.
 */
function createCounters(clock: Clock, windowMs: number) {
  const windows = new Map<string, Window>();

  const current = (key: string) => {
    const window = windows.get(key);
    if (window && window.endsAt <= clock.now().getTime()) {
      windows.delete(key);

      return undefined;
    }

    return window;
  };
  // Forget expired windows now and then, so a spray of addresses does not
  // keep the map growing.
  const sweep = () => {
    if (windows.size < 10_000) {
      return;
    }
    for (const key of windows.keys()) {
      current(key);
    }
  };

  return {
    count: (key: string) => current(key)?.count ?? 0,
    msLeft: (key: string) =>
      Math.max(0, (current(key)?.endsAt ?? 0) - clock.now().getTime()),
    hit(key: string) {
      sweep();
      const window = current(key) ?? {
        count: 0,
        endsAt: clock.now().getTime() + windowMs,
      };
      window.count += 1;
      windows.set(key, window);
    },
    reset: (key: string) => windows.delete(key),
  };
}

/**
 * Counts sign-in attempts in this process's memory, on the injected clock.
 * With several API processes each keeps its own counts, so a guesser
 * spreading attempts over them gets that many times the allowance;
 * argon2id keeps each guess slow regardless.
 */
export function createLoginThrottle(clock: Clock): LoginThrottle {
  const windowMs = loginLimits.windowSeconds * 1_000;
  const perAccount = createCounters(clock, windowMs);
  const perAddress = createCounters(clock, windowMs);
  const accountKey = (ip: string, email: string) => `${ip}|${email}`;

  return {
    async assertAllowed(ip, email) {
      const account = accountKey(ip, email);
      const isBlocked =
        perAccount.count(account) >= loginLimits.failuresPerAccount ||
        perAddress.count(ip) >= loginLimits.attemptsPerAddress;
      if (isBlocked) {
        const waitMs = Math.max(
          perAccount.msLeft(account),
          perAddress.msLeft(ip),
        );
        throw new DomainError(
          "RATE_LIMITED",
          `too many sign-in attempts; try again in ${Math.ceil(waitMs / 60_000)} minutes`,
        );
      }
      perAddress.hit(ip);
    },
    async failed(ip, email) {
      perAccount.hit(accountKey(ip, email));
    },
    async succeeded(ip, email) {
      perAccount.reset(accountKey(ip, email));
    },
  };
}
