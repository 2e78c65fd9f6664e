import { parseArgs } from "node:util";

import { SingleBar } from "cli-progress";

import { openDatabase } from "../database.ts";
import { databaseOptionsFromEnv } from "../env.ts";
import { migrate } from "../migrate.ts";
import {
  demoDefaults,
  isDatabaseEmpty,
  resetDatabase,
  seedDemoShop,
} from "../seed/index.ts";

const maxVehicles = 1_000_000;

const usage = `Usage: seed [--vehicles N] [--seed N] [--reset]

Seeds the configured database (DATABASE_URL, or PGlite in .data/pglite)
with the demo shop.

  --vehicles N  how many vehicles (default ${demoDefaults.vehicles}, at most ${maxVehicles})
  --seed N      the random seed (default ${demoDefaults.seed})
  --reset       empty a database that already holds data first
`;

function fail(message: string): never {
  process.stderr.write(`seed: ${message}\n`);
  process.exit(2);
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      vehicles: { type: "string" },
      seed: { type: "string" },
      reset: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    process.exit(0);
  }
  const vehicles = Number(values.vehicles ?? demoDefaults.vehicles);
  if (!Number.isInteger(vehicles) || vehicles < 1 || vehicles > maxVehicles) {
    fail(`--vehicles must be a whole number from 1 to ${maxVehicles}`);
  }
  const seed = Number(values.seed ?? demoDefaults.seed);
  if (!Number.isInteger(seed)) {
    fail("--seed must be a whole number");
  }

  return { vehicles, seed, isReset: values.reset };
}

const options = (() => {
  try {
    return readOptions();
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${usage}`);
  }
})();
const db = await openDatabase(databaseOptionsFromEnv());
try {
  await migrate(db);
  if (!(await isDatabaseEmpty(db))) {
    if (!options.isReset) {
      fail("the database already holds data; pass --reset to replace it");
    }
    await resetDatabase(db);
  }
  const bar = new SingleBar({
    format: "seeding |{bar}| {value}/{total} vehicles | {eta_formatted} left",
    stream: process.stderr,
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
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  process.stdout.write(
    `${JSON.stringify(summary, null, 2)}\nseeded in ${seconds} s\n`,
  );
} finally {
  await db.close();
}
