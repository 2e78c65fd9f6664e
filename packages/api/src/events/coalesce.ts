import type { Scheduler } from "./scheduler.ts";
import type { StoredEvent } from "./types.ts";

/** At most one progress update per campaign per window, per subscription. */
export const PROGRESS_WINDOW_MS = 250;

/**
 * Latest-wins pacing of `campaign.progress` for one subscription: the
 * first update in a window goes out at once, later ones replace each other
 * and the newest goes out when the window closes, so the final counts
 * always arrive. Every other event passes straight through.
 */
export function createProgressCoalescer(
  scheduler: Scheduler,
  onDue: () => void,
) {
  const lastSentAt = new Map<number, number>();
  const held = new Map<number, StoredEvent>();
  const timers = new Map<number, () => void>();

  function release(campaignId: number) {
    timers.delete(campaignId);
    onDue();
  }

  return {
    /** Whether `event` goes out now; if not it is held for later. */
    admit(event: StoredEvent) {
      const campaignId = event.campaignId;
      if (event.type !== "campaign.progress" || campaignId === null) {
        return true;
      }
      const now = scheduler.now();
      const sentAt = lastSentAt.get(campaignId) ?? -Infinity;
      if (!held.has(campaignId) && now - sentAt >= PROGRESS_WINDOW_MS) {
        lastSentAt.set(campaignId, now);

        return true;
      }
      held.set(campaignId, event);
      if (!timers.has(campaignId)) {
        const wait = Math.max(0, sentAt + PROGRESS_WINDOW_MS - now);
        timers.set(
          campaignId,
          scheduler.after(wait, () => release(campaignId)),
        );
      }

      return false;
    },
    /** Held updates whose window has closed, oldest id first. */
    takeDue() {
      const due: StoredEvent[] = [];
      for (const [campaignId, event] of held) {
        if (!timers.has(campaignId)) {
          held.delete(campaignId);
          lastSentAt.set(campaignId, scheduler.now());
          due.push(event);
        }
      }

      return due.sort((a, b) => compareIds(a.id, b.id));
    },
    /** The smallest held id: a resume cursor must stay below it. */
    oldestHeldId() {
      let oldest: string | undefined;
      for (const event of held.values()) {
        if (oldest === undefined || compareIds(event.id, oldest) < 0) {
          oldest = event.id;
        }
      }

      return oldest;
    },
    /** Forgets held updates (a refetch marker covers them). */
    clear() {
      for (const cancel of timers.values()) {
        cancel();
      }
      timers.clear();
      held.clear();
    },
  };
}

export type ProgressCoalescer = ReturnType<typeof createProgressCoalescer>;

/**
 * Orders event ids: decimal strings of a bigserial, without leading zeros,
 * so the longer is the larger and equal lengths compare as text. Runs for
 * every event every subscription takes in, so it allocates nothing.
 */
export function compareIds(a: string, b: string) {
  if (a.length !== b.length) {
    return a.length < b.length ? -1 : 1;
  }

  return a < b ? -1 : a > b ? 1 : 0;
}
