import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

import type { Services } from "../../context.ts";
import {
  executeRun,
  type CampaignStarter,
  type RunContext,
} from "./scheduled-run.ts";
import {
  claimDue,
  materializeDue,
  nextDueAt,
  type ClaimedRun,
} from "./scheduler-store.ts";
import { SCHEDULES_CHANNEL } from "./shared.ts";

export type { CampaignStarter, CampaignStartInput } from "./scheduled-run.ts";

export interface SchedulerOptions {
  services: Pick<Services, "db" | "clock" | "logger">;
  startCampaign: CampaignStarter;
  /** Names this process in claimedBy; unique per scheduler. */
  instanceId?: string;
  /** How long a claim holds before another scheduler may take it over. */
  leaseMs?: number;
  /** The grace window of one-off runs (recurring ones have their own). */
  graceMinutes?: number;
  batchSize?: number;
  /** The longest sleep, so a wall clock that jumps is noticed. */
  maxSleepMs?: number;
}

export interface Scheduler {
  readonly instanceId: string;
  /** Listens for schedule changes and runs what is due now. */
  start(): Promise<void>;
  /** Resolves once everything due at the clock's now has run. */
  processDue(): Promise<void>;
  /** Stops waking and waits for runs in flight to finish. */
  stop(): Promise<void>;
}

/** When work is due but locked by another scheduler, look again soon. */
const RECHECK_MS = 1_000;
const RETRY_AFTER_ERROR_MS = 5_000;

/**
 * Runs scheduled campaigns. It sleeps until the earliest due time, wakes
 * early on NOTIFY when a schedule changes, and claims work with FOR UPDATE
 * SKIP LOCKED, so any number of schedulers can share one database.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { db, clock } = options.services;
  const instanceId =
    options.instanceId ??
    `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const logger = options.services.logger.child({
    part: "scheduler",
    instanceId,
  });
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const batch = options.batchSize ?? 20;
  const inFlight = new Set<Promise<void>>();
  let chain: Promise<void> = Promise.resolve();
  let queued: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let unlisten: (() => void) | undefined;
  let isStopped = false;
  const runContext: RunContext = {
    db,
    clock,
    logger,
    instanceId,
    leaseMs,
    startCampaign: options.startCampaign,
  };

  /** Passes never overlap; requests made during one coalesce into the next. */
  function requestPass() {
    queued ??= chain.then(async () => {
      queued = undefined;
      await pass();
    });
    chain = queued;

    return queued;
  }

  async function pass() {
    if (isStopped) {
      return;
    }
    clearTimeout(timer);
    try {
      let claimedCount = 0;
      do {
        const now = clock.now();
        while ((await materializeDue(db, now, batch)) === batch) {
          // Another batch of schedules is due.
        }
        const claimed = await claimDue(db, {
          now,
          instanceId,
          leaseMs,
          graceMinutes: options.graceMinutes ?? 60,
          batch,
        });
        claimed.forEach(launch);
        claimedCount = claimed.length;
      } while (claimedCount === batch);
      await sleepUntilDue();
    } catch (error) {
      logger.error({ err: error }, "scheduling pass failed");
      arm(RETRY_AFTER_ERROR_MS);
    }
  }

  async function sleepUntilDue() {
    const dueAt = await nextDueAt(db);
    if (dueAt) {
      const delay = dueAt.getTime() - clock.now().getTime();
      arm(delay > 0 ? delay : RECHECK_MS);
    }
  }

  function arm(delayMs: number) {
    if (isStopped) {
      return;
    }
    clearTimeout(timer);
    const maxSleep = options.maxSleepMs ?? 60 * 60_000;
    timer = setTimeout(() => void requestPass(), Math.min(delayMs, maxSleep));
    timer.unref();
  }

  function launch(run: ClaimedRun) {
    const execution = executeRun(runContext, run).finally(() => {
      inFlight.delete(execution);
    });
    inFlight.add(execution);
  }

  return {
    instanceId,
    async start() {
      isStopped = false;
      unlisten = await db.notifier.listen(SCHEDULES_CHANNEL, () => {
        void requestPass();
      });
      await requestPass();
    },
    async processDue() {
      await requestPass();
      await Promise.all([...inFlight]);
    },
    async stop() {
      isStopped = true;
      clearTimeout(timer);
      unlisten?.();
      await chain;
      await Promise.all([...inFlight]);
    },
  };
}
