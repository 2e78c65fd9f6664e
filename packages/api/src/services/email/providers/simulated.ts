import { randomUUID } from "node:crypto";

import type { Clock } from "../../../clock.ts";
import { webhookHeaders } from "../webhook-signature.ts";
import type { EmailProvider } from "./provider.ts";

export interface SimulatedShares {
  delivered: number;
  bounced: number;
  failed: number;
  complained: number;
}

export interface SimulatedOptions {
  /** Where outcomes are posted: Rally's own `/webhooks/email/simulated`. */
  webhookUrl: string;
  secret: string;
  clock: Clock;
  shares?: SimulatedShares;
  /** The delay before an outcome is reported, in ms. */
  delayMs?: { min: number; max: number };
  random?: () => number;
}

const defaultShares: SimulatedShares = {
  delivered: 0.93,
  bounced: 0.04,
  failed: 0.03,
  complained: 0,
};

export interface SimulatedProvider extends EmailProvider {
  /**
   * Reports every outcome whose time has come on the clock, and resolves
   * once Rally has taken them. Timers call it; a test calls it after moving
   * its clock.
   */
  reportDue(): Promise<number>;
}

interface PendingReport {
  messageId: string;
  providerMessageId: string;
}

/** Outcomes falling due within one tick share a timer. */
const TICK_MS = 100;

/**
 * The demo's provider: accepts every email, then reports what "happened"
 * to it a little later through the signed webhook path a real provider
 * uses, so the demo exercises the same code. "Later" is on the injected
 * clock: a real timer only wakes it, and reports what is due by then.
 *
 * Should the system clock step back, the outcomes in the latest tick wait
 * for the next email's timer; a demo sees them a little late.
 */
export function createSimulatedProvider(
  options: SimulatedOptions,
): SimulatedProvider {
  const { clock } = options;
  const random = options.random ?? Math.random;
  const delay = options.delayMs ?? { min: 500, max: 4_000 };
  const due = new Map<number, PendingReport[]>();
  const timers = new Set<NodeJS.Timeout>();

  function outcome() {
    const shares = options.shares ?? defaultShares;
    let roll = random();
    for (const type of ["bounced", "failed", "complained"] as const) {
      if (roll < shares[type]) {
        return type;
      }
      roll -= shares[type];
    }

    return "delivered" as const;
  }

  /** Reports by our Message-ID too, as ESPs echo it, so no race with our write. */
  async function report({ messageId, providerMessageId }: PendingReport) {
    const type = outcome();
    const body = JSON.stringify({
      type,
      messageId,
      providerMessageId,
      reason: type === "delivered" ? undefined : `simulated ${type}`,
      isHardBounce: type === "bounced",
    });
    await fetch(options.webhookUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...webhookHeaders(options.secret, body, clock.now()),
      },
      body,
    }).catch(() => {
      // The server is stopping; the simulated outcome is simply lost.
    });
  }

  async function reportDue() {
    const now = clock.now().getTime();
    const ready = [...due].filter(([at]) => at <= now);
    for (const [at] of ready) {
      due.delete(at);
    }
    const reports = ready.flatMap(([, pending]) => pending);
    await Promise.all(reports.map(report));

    return reports.length;
  }

  function later(pending: PendingReport) {
    const now = clock.now().getTime();
    const wait = delay.min + random() * (delay.max - delay.min);
    const at = Math.ceil((now + wait) / TICK_MS) * TICK_MS;
    const tick = due.get(at);
    if (tick) {
      tick.push(pending);

      return;
    }
    due.set(at, [pending]);
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        void reportDue();
      },
      at - now + 1,
    );
    timers.add(timer);
  }

  return {
    name: "simulated",
    reportDue,
    async send(message) {
      const providerMessageId = `sim-${randomUUID()}`;
      later({ messageId: message.messageId, providerMessageId });

      return { ok: true, providerMessageId };
    },
    async close() {
      for (const timer of timers) {
        clearTimeout(timer);
      }
      timers.clear();
      due.clear();
    },
  };
}
