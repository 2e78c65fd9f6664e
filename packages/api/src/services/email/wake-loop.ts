import type { Logger } from "pino";

import type { Clock } from "../../clock.ts";

/** After a failed batch (the database away), wait this long to try again. */
const ERROR_PAUSE_MS = 5_000;

export interface WakeLoopOptions {
  /** One unit of work; `claimed: 0` means there was nothing to do now. */
  runOnce: () => Promise<{ claimed: number }>;
  /** When work will next be due without being told (null: only on notice). */
  nextWakeAt: () => Promise<Date | null>;
  /** Subscribes to "work was queued" notices; returns the unsubscribe. */
  listen: (poke: () => void) => Promise<() => void>;
  clock: Clock;
  logger: Logger;
}

/**
 * Runs work while there is some, then sleeps until told (NOTIFY) or until
 * the next known due time: never a fixed polling timer. Stopping lets the
 * unit in flight finish.
 */
export function createWakeLoop(options: WakeLoopOptions) {
  const { clock } = options;
  let isRunning = false;
  let isWakePending = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let unlisten: (() => void) | undefined;

  function poke() {
    isWakePending = true;
    wake?.();
  }

  async function wakeTime(afterError: boolean) {
    const fallback = new Date(clock.now().getTime() + ERROR_PAUSE_MS);
    if (afterError) {
      return fallback;
    }

    return options.nextWakeAt().catch(() => fallback);
  }

  async function idle(afterError: boolean) {
    const wakeAt = await wakeTime(afterError);
    let timer: NodeJS.Timeout | undefined;
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
      const report = await options.runOnce().catch((error: unknown) => {
        options.logger.error({ err: error }, "batch failed");

        return undefined;
      });
      if (!report || report.claimed === 0) {
        await idle(!report);
      }
    }
  }

  return {
    async start() {
      if (isRunning) {
        return;
      }
      isRunning = true;
      unlisten = await options.listen(poke);
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
