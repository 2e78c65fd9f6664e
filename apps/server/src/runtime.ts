import {
  type Actor,
  createEventBus,
  systemClock,
  type Clock,
  type Services,
} from "@rally/api";
import { migrate, openDatabase, type DatabaseOptions } from "@rally/db";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import type { Logger } from "pino";

import { startEmail, type EmailSetup } from "./email.ts";

export interface RuntimeOptions {
  database: DatabaseOptions;
  logger: Logger;
  clock?: Clock;
  secret: string;
  publicUrl: string;
  /** Starts this process's email dispatcher when given. */
  email?: EmailSetup;
}

/** Opens the database, applies migrations and starts the event bus. */
export async function startServices(options: RuntimeOptions) {
  const db = await openDatabase(options.database);
  try {
    const { applied } = await migrate(db);
    if (applied.length > 0) {
      options.logger.info({ applied }, "migrations applied");
    }
    const events = createEventBus(db, options.logger.child({ part: "events" }));
    await events.start();
    const services: Services = {
      db,
      clock: options.clock ?? systemClock,
      logger: options.logger,
      events,
      secret: options.secret,
      publicUrl: options.publicUrl,
    };
    const email = options.email
      ? await startEmail(services, options.email)
      : undefined;

    return {
      services,
      async stop() {
        await email?.stop();
        await events.stop();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/**
 * Until staff accounts exist, every caller acts as the shop's administrator:
 * anyone who can reach the port can read and change everything, so a shop
 * must not expose Rally beyond a trusted network yet.
 */
export async function actAsLocalAdmin(): Promise<Actor> {
  return { kind: "system", id: null, role: "ADMIN" };
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
