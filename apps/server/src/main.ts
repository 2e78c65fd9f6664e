import { fileURLToPath } from "node:url";

import { databaseOptionsFromEnv } from "@rally/db";

import { createRallyServer } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { createLogger } from "./logger.ts";
import { seedDemoIfEmpty } from "./demo.ts";
import { actAsLocalAdmin, localSecret, startServices } from "./runtime.ts";

const webDir = fileURLToPath(new URL("../../web/dist", import.meta.url));

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const database = databaseOptionsFromEnv({
    DATABASE_URL: config.DATABASE_URL,
    RALLY_DATA_DIR: config.RALLY_DATA_DIR,
  });
  const runtime = await startServices({
    database,
    logger,
    secret: config.RALLY_SECRET ?? localSecret(database.dataDir, logger),
    publicUrl: config.RALLY_PUBLIC_URL ?? `http://localhost:${config.PORT}`,
    isSchedulerEnabled: config.RALLY_SCHEDULER,
  });
  if (!config.DATABASE_URL && config.RALLY_DEMO) {
    await seedDemoIfEmpty(runtime.services.db, logger);
  }
  const server = createRallyServer({
    services: runtime.services,
    webDir,
    authenticate: actAsLocalAdmin,
  });
  const url = await server.listen(config.PORT, config.HOST);
  logger.info({ url, database: runtime.services.db.kind }, "listening");
  process.stdout.write(`\nRally is running at ${url}\n\n`);

  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) {
      return;
    }
    isStopping = true;
    logger.info({ signal }, "shutting down");
    await server.close();
    await runtime.stop();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`rally: invalid configuration: ${error.message}\n`);
  } else {
    process.stderr.write(`rally: failed to start: ${String(error)}\n`);
    if (error instanceof Error && error.stack) {
      process.stderr.write(`${error.stack}\n`);
    }
  }
  process.exit(1);
});
