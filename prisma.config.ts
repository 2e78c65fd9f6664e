import { mkdirSync } from "node:fs";
import path from "node:path";

import { defineConfig } from "prisma/config";

// The Prisma CLI here only generates the client and writes migrations with
// `migrate diff`; Rally applies migrations itself (packages/db/src/migrate.ts).
// Both run on the JavaScript schema engine with a driver adapter, so no
// command ever downloads a native engine.
const databaseUrl = process.env.DATABASE_URL || undefined;

if (!databaseUrl) {
  // An unresolvable `env("DATABASE_URL")` makes the 6.19 CLI fall back to
  // downloading the query engine. The placeholder is never connected to.
  process.env.DATABASE_URL = "postgresql://embedded@localhost/rally";
}

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  async adapter() {
    if (databaseUrl) {
      const { PrismaPg } = await import("@prisma/adapter-pg");

      return new PrismaPg({ connectionString: databaseUrl });
    }
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    const dataDir = process.env.RALLY_DATA_DIR ?? path.join(".data", "pglite");
    // Opened only when a command connects: an open PGlite keeps the CLI
    // process alive, and `migrate diff` between two schemas never connects.
    let factory: InstanceType<typeof PrismaPGlite> | undefined;
    const open = () => {
      mkdirSync(dataDir, { recursive: true });
      factory ??= new PrismaPGlite(new PGlite(dataDir));

      return factory;
    };

    return {
      provider: "postgres" as const,
      adapterName: "pglite-prisma-adapter",
      connect: () => open().connect(),
      connectToShadowDb: () => open().connectToShadowDb(),
    };
  },
});
