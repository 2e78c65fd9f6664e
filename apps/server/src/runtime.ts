import {
  type CampaignStarter,
  createEventBus,
  createScheduler,
  sendCampaign,
  systemClock,
  type Clock,
  type Services,
} from "@rally/api";
import { migrate, openDatabase, type DatabaseOptions } from "@rally/db";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import type { Logger } from "pino";

import { createProvider, startEmail, type EmailSetup } from "./email.ts";
import { createMetrics } from "./metrics.ts";

/** api serves HTTP and WebSocket, worker runs background work, all both. */
export type ProcessRole = "api" | "worker" | "all";

/** A running background loop. */
export interface Worker {
  name: string;
  /** Stops claiming new work and finishes or releases what it holds. */
  stop(): Promise<void>;
}

export type WorkerStarter = (services: Services) => Promise<Worker> | Worker;

/**
 * The background workers (the scheduler, the email dispatcher, ...). They
 * run in worker and all processes, start in this order and stop in reverse.
 */
export function defaultWorkers(
  options: Pick<RuntimeOptions, "startCampaign" | "email">,
): WorkerStarter[] {
  const workers: WorkerStarter[] = [
    async (services) => {
      const scheduler = createScheduler({
        services,
        startCampaign: options.startCampaign ?? campaignStarter(services),
      });
      await scheduler.start();

      return { name: "scheduler", stop: () => scheduler.stop() };
    },
  ];
  const { email } = options;
  if (email) {
    workers.push(async (services) => {
      const sender = await startEmail(services, email);

      return { name: "email dispatcher", stop: () => sender.stop() };
    });
  }

  return workers;
}

/** Scheduled runs send exactly as `campaign.send` does. */
function campaignStarter(services: Services): CampaignStarter {
  return async (input) => {
    const sent = await sendCampaign(services, input);

    return { campaignId: sent.campaign.id };
  };
}

export interface RuntimeOptions {
  database: DatabaseOptions;
  logger: Logger;
  clock?: Clock;
  secret: string;
  publicUrl: string;
  /** Sends a scheduled run's campaign; `sendCampaign` by default. */
  startCampaign?: CampaignStarter;
  /** Runs this process's email dispatcher when given. */
  email?: EmailSetup;
  role?: ProcessRole;
  /** The workers to run instead of the default ones, for tests. */
  workers?: WorkerStarter[];
}

/**
 * Opens the database, applies migrations, starts the event bus and, in
 * worker and all processes, the background workers.
 */
export async function startServices(options: RuntimeOptions) {
  const db = await openDatabase(options.database);
  const running: Worker[] = [];
  try {
    const { applied } = await migrate(db);
    if (applied.length > 0) {
      options.logger.info({ applied }, "migrations applied");
    }
    const metrics = createMetrics(db, options.logger);
    const events = createEventBus(
      db,
      options.logger.child({ part: "events" }),
      { onDeliver: metrics.eventDelivered },
    );
    await events.start();
    const services: Services = {
      db,
      clock: options.clock ?? systemClock,
      logger: options.logger,
      events,
      secret: options.secret,
      publicUrl: options.publicUrl,
      observer: metrics.observer,
    };
    const role = options.role ?? "all";
    // Test sends go out from API processes, through a provider of their own.
    const testMail =
      options.email && role !== "worker"
        ? createProvider(services, options.email)
        : undefined;
    services.emailProvider = testMail;
    await startWorkers(
      services,
      role,
      options.workers ?? defaultWorkers(options),
      running,
    );

    return {
      services,
      metrics,
      role,
      async stop() {
        await stopWorkers(running, options.logger);
        await testMail?.close();
        await events.stop();
        await db.close();
      },
    };
  } catch (error) {
    await stopWorkers(running, options.logger);
    await db.close();
    throw error;
  }
}

/** Starts the workers a process of `role` runs, adding each to `running`. */
export async function startWorkers(
  services: Services,
  role: ProcessRole,
  starters: WorkerStarter[],
  running: Worker[],
) {
  if (role === "api") {
    return;
  }
  for (const start of starters) {
    running.push(await start(services));
  }
}

/** Stops workers in the reverse of their start order. */
export async function stopWorkers(running: Worker[], logger: Logger) {
  for (const worker of running.reverse()) {
    try {
      await worker.stop();
      logger.info({ worker: worker.name }, "worker stopped");
    } catch (error) {
      logger.error({ err: error, worker: worker.name }, "worker stop failed");
    }
  }
}

/**
 * Without RALLY_SECRET, a secret is made once and kept beside the embedded
 * database. Processes sharing a PostgreSQL server must share RALLY_SECRET
 * instead, or links signed by one are refused by another.
 */
export function localSecret(dataDir: string | undefined, logger: Logger) {
  const folder = path.dirname(dataDir ?? path.join(".data", "pglite"));
  const file = path.join(folder, "secret");
  if (existsSync(file)) {
    return readFileSync(file, "utf8").trim();
  }
  logger.warn({ file }, "RALLY_SECRET is unset: made a local secret");
  mkdirSync(folder, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });

  return secret;
}
