import type { Services } from "../../context.ts";
import { claimBatch, type ClaimedEmail } from "./claim.ts";
import { finalizeBatch, type Outcome } from "./finalize.ts";
import { gateBatch, type GateResult } from "./gate.ts";
import type { EmailProvider } from "./providers/provider.ts";
import { createRateLimiter, type RateLimiter } from "./rate-limiter.ts";
import { defaultRetryPolicy, retryDelayMs, type RetryPolicy } from "./retry.ts";
import { isWithinWindow } from "./send-window.ts";
import { loadShop } from "./shop.ts";
import { nextWakeAt } from "./wake.ts";

export const EMAIL_QUEUED_CHANNEL = "rally_email_queued";

/** After a failed batch (the database away), wait this long to try again. */
const ERROR_PAUSE_MS = 5_000;

export interface DispatcherOptions {
  provider: EmailProvider;
  batchSize?: number;
  /** Emails in flight at once to the provider. */
  concurrency?: number;
  /** Emails per second to the provider (a token bucket). */
  ratePerSecond?: number;
  /** How long a claim holds before another worker may take the email. */
  leaseMs?: number;
  retry?: RetryPolicy;
  random?: () => number;
}

export interface BatchReport {
  claimed: number;
  sent: number;
}

export interface Dispatcher {
  /** Claims, sends and records one batch; what tests and the loop call. */
  runOnce(): Promise<BatchReport>;
  start(): Promise<void>;
  /** Stops claiming and waits for the batch in flight to finish. */
  stop(): Promise<void>;
  readonly limiter: RateLimiter;
}

export function createDispatcher(
  services: Services,
  options: DispatcherOptions,
): Dispatcher {
  const { db, clock } = services;
  const { provider } = options;
  const logger = services.logger.child({
    part: "dispatcher",
    provider: provider.name,
  });
  const batchSize = options.batchSize ?? 200;
  const concurrency = options.concurrency ?? 10;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const retry = options.retry ?? defaultRetryPolicy;
  const random = options.random ?? Math.random;
  const limiter = createRateLimiter(clock, {
    perSecond: options.ratePerSecond ?? 50,
  });

  async function runOnce(): Promise<BatchReport> {
    const now = clock.now();
    const shop = await loadShop(db);
    const limit = limiter.take(batchSize);
    if (limit === 0) {
      return { claimed: 0, sent: 0 };
    }
    const leaseUntil = new Date(now.getTime() + leaseMs);
    const claimed = await claimBatch(db, {
      limit,
      now,
      leaseUntil,
      isCampaignMailAllowed: isWithinWindow(
        shop.sendWindow,
        shop.timeZone,
        now,
      ),
    });
    // Unused tokens go back, so a short batch does not slow the next one.
    limiter.give(limit - claimed.length);
    if (claimed.length === 0) {
      return { claimed: 0, sent: 0 };
    }
    const gated = await gateBatch(
      { db, secret: services.secret, publicUrl: services.publicUrl, now, shop },
      claimed,
    );
    const outcomes = await sendAll(gated);
    await finalizeBatch(db, outcomes, {
      now: clock.now(),
      leaseUntil,
      provider: provider.name,
    });
    const sent = outcomes.filter((o) => o.status === "SENT").length;
    logger.debug({ claimed: claimed.length, sent }, "batch");

    return { claimed: claimed.length, sent };
  }

  async function sendAll(gated: GateResult[]) {
    const outcomes: Outcome[] = [];
    let next = 0;
    const worker = async () => {
      while (next < gated.length) {
        const item = gated[next++] as GateResult;
        outcomes.push(await sendOne(item));
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(concurrency, gated.length) }, worker),
    );

    return outcomes;
  }

  async function sendOne(item: GateResult): Promise<Outcome> {
    if (item.kind === "skip") {
      return { email: item.email, status: "SKIPPED", reason: item.reason };
    }
    if (item.kind === "fail") {
      return { email: item.email, status: "FAILED", reason: item.reason };
    }
    const result = await provider.send(item.message);
    const rendered = item.isRendered
      ? {
          subject: item.message.subject,
          html: item.message.html,
          text: item.message.text,
        }
      : null;
    if (result.ok) {
      limiter.recover();

      return {
        email: item.email,
        status: "SENT",
        providerMessageId: result.providerMessageId,
        rendered,
      };
    }
    if (result.isSlowDown) {
      limiter.slowDown();
    }

    return failure(item.email, result.reason, result.isPermanent);
  }

  function failure(
    email: ClaimedEmail,
    reason: string,
    isPermanent: boolean,
  ): Outcome {
    if (isPermanent || email.attempts >= retry.maxAttempts) {
      const why = isPermanent
        ? reason
        : `gave up after ${email.attempts} attempts: ${reason}`;

      return { email, status: "FAILED", reason: why };
    }
    const delay = retryDelayMs(retry, email.attempts, random);

    return {
      email,
      status: "QUEUED",
      reason,
      nextAttemptAt: new Date(clock.now().getTime() + delay),
    };
  }

  let isRunning = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  let unlisten: (() => void) | undefined;
  let isWakePending = false;

  function poke() {
    isWakePending = true;
    wake?.();
  }

  async function idle(afterError: boolean) {
    const wakeAt = afterError
      ? new Date(clock.now().getTime() + ERROR_PAUSE_MS)
      : await nextWakeAt(db, clock.now(), limiter).catch(
          () => new Date(clock.now().getTime() + ERROR_PAUSE_MS),
        );
    await new Promise<void>((resolve) => {
      if (isWakePending || !isRunning) {
        resolve();

        return;
      }
      wake = resolve;
      if (wakeAt) {
        const delay = Math.max(0, wakeAt.getTime() - clock.now().getTime());
        // Timers cap at 2^31 ms; a later wake simply re-checks.
        timer = setTimeout(resolve, Math.min(delay, 2 ** 31 - 1));
      }
    });
    clearTimeout(timer);
    wake = undefined;
  }

  async function run() {
    while (isRunning) {
      isWakePending = false;
      const report = await runOnce().catch((error: unknown) => {
        logger.error({ err: error }, "batch failed");

        return undefined;
      });
      if (!report || report.claimed === 0) {
        await idle(!report);
      }
    }
  }

  return {
    runOnce,
    limiter,
    async start() {
      if (isRunning) {
        return;
      }
      isRunning = true;
      unlisten = await db.notifier.listen(EMAIL_QUEUED_CHANNEL, poke);
      loop = run();
    },
    async stop() {
      isRunning = false;
      unlisten?.();
      wake?.();
      await loop;
    },
  };
}
