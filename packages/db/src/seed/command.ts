import { SingleBar } from "cli-progress";

import { openDatabase, type DatabaseOptions } from "../database.ts";
import { migrate } from "../migrate.ts";
import { seedDemoShop } from "./index.ts";
import { isDatabaseEmpty, resetDatabase } from "./reset.ts";

export const maxSeedVehicles = 1_000_000;

/** The database holds data and the caller did not ask to replace it. */
export class SeedRefusedError extends Error {}

export interface SeedCommandOptions {
  database: DatabaseOptions;
  vehicles: number;
  seed: number;
  isReset: boolean;
  /** Where the progress bar goes (stderr in the scripts). */
  progress: NodeJS.WritableStream;
}

/** What `pnpm db:seed` and `rally seed` do: migrate, check, seed, report. */
export async function seedCommand(options: SeedCommandOptions) {
  const db = await openDatabase(options.database);
  try {
    await migrate(db);
    if (!(await isDatabaseEmpty(db))) {
      if (!options.isReset) {
        throw new SeedRefusedError(
          "the database already holds data; pass --reset to replace it",
        );
      }
      await resetDatabase(db);
    }
    const bar = new SingleBar({
      format: "seeding |{bar}| {value}/{total} vehicles | {eta_formatted} left",
      stream: options.progress,
      hideCursor: true,
    });
    bar.start(options.vehicles, 0);
    const startedAt = performance.now();
    const summary = await seedDemoShop(db, {
      vehicles: options.vehicles,
      seed: options.seed,
      onProgress: (done) => bar.update(done),
    });
    bar.stop();

    return { summary, seconds: (performance.now() - startedAt) / 1000 };
  } finally {
    await db.close();
  }
}
