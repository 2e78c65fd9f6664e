import {
  type Actor,
  createEventBus,
  systemClock,
  type Clock,
  type Services,
} from "@rally/api";
import { migrate, openDatabase, type DatabaseOptions } from "@rally/db";
import type { Logger } from "pino";

export interface RuntimeOptions {
  database: DatabaseOptions;
  logger: Logger;
  clock?: Clock;
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
    };

    return {
      services,
      async stop() {
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
