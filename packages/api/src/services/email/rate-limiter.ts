import type { Clock } from "../../clock.ts";

export interface RateLimiter {
  /** Takes up to `wanted` tokens now; returns how many it got. */
  take(wanted: number): number;
  /** Returns tokens taken but not used. */
  give(unused: number): void;
  /** When the next token will be there, if none is now. */
  nextTokenAt(): Date;
  /** The provider pushed back: halve the rate (down to a floor). */
  slowDown(): void;
  /** Things went well: creep back towards the configured rate. */
  recover(): void;
  currentRate(): number;
}

/**
 * A token bucket per provider, on the injected clock. Slowing down is
 * multiplicative and recovering additive, so a refusing server is backed
 * off from quickly and approached again gently.
 *
 * The bucket lives in one process: two server processes each send at the
 * full rate, so a shop running several must divide RALLY_SEND_RATE.
 */
export function createRateLimiter(
  clock: Clock,
  options: { perSecond: number; burst?: number },
): RateLimiter {
  const burst = options.burst ?? Math.max(1, options.perSecond);
  const floor = Math.max(0.1, options.perSecond / 64);
  let rate = options.perSecond;
  let tokens = burst;
  let refilledAt = clock.now().getTime();

  function refill() {
    const now = clock.now().getTime();
    tokens = Math.min(burst, tokens + ((now - refilledAt) / 1000) * rate);
    refilledAt = now;
  }

  return {
    take(wanted) {
      refill();
      const granted = Math.max(0, Math.min(wanted, Math.floor(tokens)));
      tokens -= granted;

      return granted;
    },
    give(unused) {
      tokens = Math.min(burst, tokens + Math.max(0, unused));
    },
    nextTokenAt() {
      refill();
      const missing = Math.max(0, 1 - tokens);

      return new Date(refilledAt + Math.ceil((missing / rate) * 1000));
    },
    slowDown() {
      refill();
      rate = Math.max(floor, rate / 2);
      tokens = Math.min(tokens, 0);
    },
    recover() {
      rate = Math.min(options.perSecond, rate + options.perSecond / 16);
    },
    currentRate: () => rate,
  };
}
