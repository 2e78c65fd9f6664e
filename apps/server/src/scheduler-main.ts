import { databaseOptionsFromEnv } from "@rally/db";

import { ConfigError, loadConfig } from "./config.ts";
import { createLogger } from "./logger.ts";
import { startServices } from "./runtime.ts";

/**
 * A process that only runs scheduled campaigns, for scale-out beside
 * servers started with RALLY_SCHEDULER=false. Any number may run: they
 * share the work through the database.
 */
async function main() {
  const config = loadConfig();
  if (!config.DATABASE_URL || !config.RALLY_SECRET) {
    throw new ConfigError(
      "a separate scheduler process needs DATABASE_URL and RALLY_SECRET, shared with the servers",
    );
  }
  const logger = createLogger(config.LOG_LEVEL, "rally-scheduler");
  const runtime = await startServices({
    database: databaseOptionsFromEnv({ DATABASE_URL: config.DATABASE_URL }),
    logger,
    secret: config.RALLY_SECRET,
    publicUrl: config.RALLY_PUBLIC_URL ?? `http://localhost:${config.PORT}`,
  });
  logger.info("scheduler running");

  const stop = async (signal: string) => {
    logger.info({ signal }, "scheduler stopping");
    await runtime.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`rally scheduler: failed to start: ${message}\n`);
  process.exit(1);
});
