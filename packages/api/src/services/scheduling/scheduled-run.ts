import type { Database } from "@rally/db";
import type { Logger } from "pino";

import type { Clock } from "../../clock.ts";
import {
  finishRun,
  renewLease,
  type ClaimedRun,
  type RunOutcome,
} from "./scheduler-store.ts";

export interface CampaignStartInput {
  ruleId: number;
  templateId?: number;
  /** `scheduled:<scheduledCampaignId>`: a retried run finds its campaign. */
  idempotencyKey: string;
  scheduledCampaignId: number;
}

/** Sends a campaign as `campaign.send` would; must honour idempotencyKey. */
export type CampaignStarter = (
  input: CampaignStartInput,
) => Promise<{ campaignId: number }>;

export interface RunContext {
  db: Database;
  clock: Clock;
  logger: Logger;
  instanceId: string;
  leaseMs: number;
  startCampaign: CampaignStarter;
}

const MAX_REASON = 500;

/** Sends one claimed run and records how it ended; never throws. */
export async function executeRun(context: RunContext, run: ClaimedRun) {
  const { db, clock, instanceId, leaseMs } = context;
  const heartbeat = setInterval(() => {
    const until = new Date(clock.now().getTime() + leaseMs);
    renewLease(db, { id: run.id, instanceId }, until).catch((error: unknown) =>
      context.logger.warn({ err: error }, "lease renewal failed"),
    );
  }, leaseMs / 3);
  heartbeat.unref();
  const outcome = await attemptSend(context, run).finally(() => {
    clearInterval(heartbeat);
  });

  try {
    await finishRun(db, { id: run.id, instanceId, now: clock.now() }, outcome);
  } catch (error) {
    // The lease runs out and a later pass sends again; the idempotency key
    // hands that retry the campaign this attempt made, if it made one.
    context.logger.error(
      { err: error, scheduledCampaignId: run.id },
      "recording a run's outcome failed",
    );
  }
}

async function attemptSend(
  context: RunContext,
  run: ClaimedRun,
): Promise<RunOutcome> {
  try {
    const { campaignId } = await context.startCampaign({
      ruleId: run.ruleId,
      ...(run.templateId === null ? {} : { templateId: run.templateId }),
      idempotencyKey: `scheduled:${run.id}`,
      scheduledCampaignId: run.id,
    });

    return { ok: true, campaignId };
  } catch (error) {
    context.logger.warn(
      { err: error, scheduledCampaignId: run.id },
      "scheduled run failed",
    );
    const reason = error instanceof Error ? error.message : String(error);

    return { ok: false, reason: reason.slice(0, MAX_REASON) || "failed" };
  }
}
