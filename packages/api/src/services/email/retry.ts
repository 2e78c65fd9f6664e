import type { ClaimedEmail } from "./claim.ts";
import type { Outcome } from "./finalize.ts";

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 30_000,
  maxDelayMs: 3_600_000,
};

/**
 * Exponential backoff with jitter: the n-th retry waits between half and
 * all of base·2^(n-1), capped, so emails that failed together do not all
 * come back at the same instant.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
) {
  const ceiling = Math.min(
    policy.maxDelayMs,
    policy.baseDelayMs * 2 ** Math.max(0, attempt - 1),
  );

  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** A failed send: retried later while attempts remain, else FAILED. */
export function failedOutcome(
  policy: RetryPolicy,
  email: ClaimedEmail,
  failure: { reason: string; isPermanent: boolean },
  now: Date,
  random: () => number,
): Outcome {
  const { reason, isPermanent } = failure;
  if (isPermanent || email.attempts >= policy.maxAttempts) {
    const why = isPermanent
      ? reason
      : `gave up after ${email.attempts} attempts: ${reason}`;

    return { email, status: "FAILED", reason: why };
  }
  const delay = retryDelayMs(policy, email.attempts, random);

  return {
    email,
    status: "QUEUED",
    reason,
    nextAttemptAt: new Date(now.getTime() + delay),
  };
}
