import { parseArgs } from "node:util";

import { databaseOptionsFromEnv } from "../env.ts";
import {
  maxSeedVehicles,
  SeedRefusedError,
  seedCommand,
} from "../seed/command.ts";
import { demoDefaults } from "../seed/index.ts";

const usage = `Usage: seed [--vehicles N] [--seed N] [--reset]

Seeds the configured database (DATABASE_URL, or PGlite in .data/pglite)
with the demo shop.

  --vehicles N  how many vehicles (default ${demoDefaults.vehicles}, at most ${maxSeedVehicles})
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
  if (
    !Number.isInteger(vehicles) ||
    vehicles < 1 ||
    vehicles > maxSeedVehicles
  ) {
    fail(`--vehicles must be a whole number from 1 to ${maxSeedVehicles}`);
  }
  const seed = Number(values.seed ?? demoDefaults.seed);
  if (!Number.isInteger(seed)) {
    fail("--seed must be a whole number");
  }

  return { vehicles, seed, isReset: values.reset };
}

let options: ReturnType<typeof readOptions>;
try {
  options = readOptions();
} catch (error) {
  fail(`${(error as Error).message}\n\n${usage}`);
}
try {
  const { summary, seconds } = await seedCommand({
    ...options,
    database: databaseOptionsFromEnv(),
    progress: process.stderr,
  });
  process.stdout.write(
    `${JSON.stringify(summary, null, 2)}\nseeded in ${seconds.toFixed(1)} s\n`,
  );
} catch (error) {
  if (error instanceof SeedRefusedError) {
    fail(error.message);
  }
  throw error;
}
