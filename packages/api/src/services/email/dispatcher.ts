import { randomUUID } from "node:crypto";

import type { Services } from "../../context.ts";
import { claimBatch } from "./claim.ts";
import { coalesce } from "./coalesce.ts";
import { finalizeBatch, type Outcome } from "./finalize.ts";
import { gateBatch, type GateResult } from "./gate.ts";
import {
  markAccepted,
  markHandedOff,
  type Acceptance,
  type HandOff,
  renewLease,
  settleAbandoned,
  unmarkHandedOff,
} from "./handoff.ts";
import type { EmailProvider } from "./providers/provider.ts";
import {
  createRateLimiter,
  type PaceFeedback,
  type RateLimiter,
} from "./rate-limiter.ts";
import {
  defaultRetryPolicy,
  failedOutcome,
  type RetryPolicy,
} from "./retry.ts";
import { isWithinWindow } from "./send-window.ts";
import { loadShop } from "./shop.ts";
import { nextWakeAt } from "./wake.ts";
import { createWakeLoop } from "./wake-loop.ts";

export const EMAIL_QUEUED_CHANNEL = "rally_email_queued";

/** How much sending time an idle, rate-held lane waits to gather. */
const GATHER_SECONDS = 0.25;

export interface DispatcherOptions {
  provider: EmailProvider;
  batchSize?: number;
  /** Emails in flight at once to the provider. */
  concurrency?: number;
  /**
   * Emails per second to the provider, for all workers on this database
   * together (a token bucket in the database).
   */
  ratePerSecond?: number;
  /**
   * Names the shared bucket; workers sending through one provider account
   * share one. The provider's name unless set.
   */
  rateBucket?: string;
  /**
   * Batches in flight at once in this process. Each lane claims its own
   * batch, so one sends while another waits on the database.
   */
  lanes?: number;
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
  /** When this dispatcher, idle, looks again without being told. */
  nextWakeAt(): Promise<Date | null>;
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
  const limiter = createRateLimiter(db, clock, {
    key: options.rateBucket ?? provider.name,
    perSecond: options.ratePerSecond ?? 50,
  });
  // Every email in flight marks its hand-off and its acceptance; shared
  // writes keep that to a few round trips per batch, not two per email.
  const handOff = coalesce((handOffs: HandOff[]) =>
    markHandedOff(db, handOffs, clock.now()),
  );
  const accept = coalesce((accepted: Acceptance[]) =>
    markAccepted(db, provider.name, accepted),
  );

  /**
   * Held back by the rate, a lane claims once a quarter second's worth of
   * tokens is there, and sleeps until then, rather than claiming each token
   * as it comes: at 50 emails a second that is one claim of about 12
   * instead of 12 claims of one, for mail that goes out at most a quarter
   * second later. A full bucket (an idle queue) still sends at once.
   */
  const tokensWorthWaking = () =>
    Math.max(
      1,
      Math.min(batchSize, Math.floor(limiter.currentRate() * GATHER_SECONDS)),
    );

  async function runOnce(): Promise<BatchReport> {
    const now = clock.now();
    await settleAbandoned(db, now);
    const shop = await loadShop(db);
    const limit = await limiter.take(batchSize, tokensWorthWaking());
    if (limit === 0) {
      return { claimed: 0, sent: 0 };
    }
    const token = randomUUID();
    const claimed = await claimBatch(db, {
      limit,
      now,
      leaseUntil: new Date(now.getTime() + leaseMs),
      token,
      isCampaignMailAllowed: isWithinWindow(
        shop.sendWindow,
        shop.timeZone,
        now,
      ),
    });
    // Unused tokens go back, so a short batch does not slow the next one.
    await limiter.give(limit - claimed.length);
    if (claimed.length === 0) {
      return { claimed: 0, sent: 0 };
    }
    const renewal = keepLeased(token);
    try {
      const feedback: PaceFeedback = { slowDowns: 0, acceptedSince: 0 };
      const outcomes = await sendAll(
        await gateBatch(
          {
            db,
            secret: services.secret,
            publicUrl: services.publicUrl,
            now,
            shop,
          },
          claimed,
        ),
        token,
        feedback,
      );
      await limiter.learn(feedback);
      await finalizeBatch(db, outcomes, {
        now: clock.now(),
        token,
        provider: provider.name,
      });
      const sent = outcomes.filter((o) => o.status === "SENT").length;
      logger.debug({ claimed: claimed.length, sent }, "batch");

      return { claimed: claimed.length, sent };
    } finally {
      renewal.stop();
    }
  }

  /**
   * Renews the batch's lease a few times per lease while it is sent, so a
   * slow batch keeps its emails and only a stopped worker loses them.
   */
  function keepLeased(token: string) {
    const timer = setInterval(() => {
      const until = new Date(clock.now().getTime() + leaseMs);
      renewLease(db, token, until).catch((error: unknown) => {
        logger.warn({ err: error }, "lease renewal failed");
      });
    }, leaseMs / 3);

    return { stop: () => clearInterval(timer) };
  }

  async function sendAll(
    gated: GateResult[],
    token: string,
    feedback: PaceFeedback,
  ) {
    const outcomes: Outcome[] = [];
    let next = 0;
    const worker = async () => {
      while (next < gated.length) {
        const item = gated[next++] as GateResult;
        outcomes.push(await sendOne(item, token, feedback));
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(concurrency, gated.length) }, worker),
    );

    return outcomes;
  }

  async function sendOne(
    item: GateResult,
    token: string,
    feedback: PaceFeedback,
  ): Promise<Outcome> {
    if (item.kind === "skip") {
      return { email: item.email, status: "SKIPPED", reason: item.reason };
    }
    if (item.kind === "fail") {
      return { email: item.email, status: "FAILED", reason: item.reason };
    }
    const { id } = item.email;
    if (!(await handOff({ emailId: id, token }))) {
      // Another worker took the email over; the batch's write skips it.
      return { email: item.email, status: "QUEUED", reason: "claim lost" };
    }
    const result = await provider.send(item.message);
    if (result.ok) {
      await accept({
        emailId: id,
        token,
        at: clock.now(),
        providerMessageId: result.providerMessageId,
      });
    } else {
      await unmarkHandedOff(db, id, token);
    }
    const rendered = item.isRendered
      ? {
          subject: item.message.subject,
          html: item.message.html,
          text: item.message.text,
        }
      : null;
    if (result.ok) {
      feedback.acceptedSince += 1;

      return {
        email: item.email,
        status: "SENT",
        providerMessageId: result.providerMessageId,
        rendered,
      };
    }
    if (result.isSlowDown) {
      feedback.slowDowns += 1;
      feedback.acceptedSince = 0;
    }

    return failedOutcome(retry, item.email, result, clock.now(), random);
  }

  const wakeAt = () =>
    nextWakeAt(db, clock.now(), limiter, tokensWorthWaking());
  const loops = Array.from({ length: options.lanes ?? 2 }, () =>
    createWakeLoop({
      runOnce,
      nextWakeAt: wakeAt,
      listen: (poke) => db.notifier.listen(EMAIL_QUEUED_CHANNEL, poke),
      clock,
      logger,
    }),
  );

  return {
    runOnce,
    limiter,
    nextWakeAt: wakeAt,
    start: async () => {
      await Promise.all(loops.map((loop) => loop.start()));
    },
    stop: async () => {
      await Promise.all(loops.map((loop) => loop.stop()));
    },
  };
}
