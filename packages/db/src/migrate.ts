import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import type { Database, SqlRunner } from "./database.ts";

export const migrationsDir = fileURLToPath(
  new URL("../../../prisma/migrations", import.meta.url),
);

/** Any fixed number: serialises migrators across processes. */
const MIGRATION_LOCK_ID = 72_617_011;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = migrationsDir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  return Promise.all(
    names.map(async (name): Promise<Migration> => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");

      return { name, sql, checksum };
    }),
  );
}

/**
 * Applies the committed SQL migrations that the database lacks, each in its
 * own transaction, and records them in Prisma's `_prisma_migrations` table
 * with Prisma's checksums, so the two tools agree on what is applied.
 *
 * Rally applies migrations itself because the 6.19 CLI's JavaScript schema
 * engine cannot read PostgreSQL's `name` columns through `@prisma/adapter-pg`
 * ("Column type 'name' could not be deserialized"), and the native engine
 * cannot be downloaded offline.
 */
export async function migrate(db: Database, dir = migrationsDir) {
  const migrations = await readMigrations(dir);

  return db.session(async (sql) => {
    await sql.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    try {
      return await applyPending(sql, migrations);
    } finally {
      await sql.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]);
    }
  });
}

async function applyPending(sql: SqlRunner, migrations: Migration[]) {
  await sql.exec(`
    CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
  const rows = await sql.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations"
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Map(rows.map((row) => [row.migration_name, row]));
  const newlyApplied: string[] = [];

  for (const migration of migrations) {
    const existing = applied.get(migration.name);
    if (existing) {
      if (existing.checksum !== migration.checksum) {
        throw new Error(
          `migration ${migration.name} was edited after it was applied`,
        );
      }
      continue;
    }
    await sql.exec("BEGIN");
    try {
      await sql.exec(migration.sql);
      await sql.query(
        `INSERT INTO "_prisma_migrations"
           (id, checksum, migration_name, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
      await sql.exec("COMMIT");
    } catch (error) {
      await sql.exec("ROLLBACK");
      throw new Error(`migration ${migration.name} failed`, { cause: error });
    }
    newlyApplied.push(migration.name);
  }

  return { applied: newlyApplied, total: migrations.length };
}

/** True when every committed migration is applied (for readiness checks). */
export async function isMigrated(db: Database, dir = migrationsDir) {
  const migrations = await readMigrations(dir);
  try {
    const rows = await db.sql.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((row) => row.migration_name));

    return migrations.every((migration) => applied.has(migration.name));
  } catch {
    return false;
  }
}
