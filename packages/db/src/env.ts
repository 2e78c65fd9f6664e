import path from "node:path";
import { fileURLToPath } from "node:url";

import type { DatabaseOptions } from "./database.ts";

export const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

/** Where embedded PGlite keeps its files unless RALLY_DATA_DIR says otherwise. */
export const defaultDataDir = path.join(repoRoot, ".data", "pglite");

/** DATABASE_URL selects PostgreSQL; without it, PGlite in RALLY_DATA_DIR. */
export function databaseOptionsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): DatabaseOptions {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL };
  }

  return { dataDir: env.RALLY_DATA_DIR ?? defaultDataDir };
}
