import { databaseOptionsFromEnv } from "@rally/db";
import { demoDefaults } from "@rally/db/seed";
import {
  maxSeedVehicles,
  SeedRefusedError,
  seedCommand,
} from "@rally/db/seed/command";
import type { Command } from "commander";

import { CliError, exitCodes, wholeNumber } from "./errors.ts";

export function addSeedCommand(program: Command) {
  program
    .command("seed")
    .description(
      "fill the configured database with the demo shop (refuses a database that holds data unless --reset)",
    )
    .option(
      "--vehicles <n>",
      `vehicles to generate, up to ${maxSeedVehicles}`,
      wholeNumber("--vehicles", 1, maxSeedVehicles),
      demoDefaults.vehicles,
    )
    .option(
      "--seed <n>",
      "the random seed; the same seed gives the same shop",
      wholeNumber("--seed", 0, 2 ** 32 - 1),
      demoDefaults.seed,
    )
    .option("--reset", "empty the database first", false)
    .action(
      async (options: { vehicles: number; seed: number; reset: boolean }) => {
        try {
          const { summary, seconds } = await seedCommand({
            database: databaseOptionsFromEnv(),
            vehicles: options.vehicles,
            seed: options.seed,
            isReset: options.reset,
            progress: process.stderr,
          });
          process.stdout.write(
            `${JSON.stringify({ ...summary, seconds: Number(seconds.toFixed(1)) }, null, 2)}\n`,
          );
        } catch (error) {
          if (error instanceof SeedRefusedError) {
            throw new CliError(error.message, exitCodes.usage);
          }
          throw error;
        }
      },
    );
}
