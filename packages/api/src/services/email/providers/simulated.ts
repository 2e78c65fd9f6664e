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

/**
 * The demo's provider: accepts every email, then reports what "happened"
 * to it a little later through the signed webhook path a real provider
 * uses, so the demo exercises the same code.
 */
export function createSimulatedProvider(
  options: SimulatedOptions,
): EmailProvider {
  const random = options.random ?? Math.random;
  const delay = options.delayMs ?? { min: 500, max: 4_000 };
  const pending = new Set<NodeJS.Timeout>();

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
  async function report(messageId: string, providerMessageId: string) {
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
        ...webhookHeaders(options.secret, body, options.clock.now()),
      },
      body,
    }).catch(() => {
      // The server is stopping; the simulated outcome is simply lost.
    });
  }

  return {
    name: "simulated",
    async send(message) {
      const providerMessageId = `sim-${randomUUID()}`;
      const wait = delay.min + random() * (delay.max - delay.min);
      const timer = setTimeout(() => {
        pending.delete(timer);
        void report(message.messageId, providerMessageId);
      }, wait);
      pending.add(timer);

      return { ok: true, providerMessageId };
    },
    async close() {
      for (const timer of pending) {
        clearTimeout(timer);
      }
      pending.clear();
    },
  };
}
