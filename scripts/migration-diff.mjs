#!/usr/bin/env node
// Writes prisma/migrations/<timestamp>_<name>/migration.sql from the changes
// made to prisma/schema.prisma since the last commit that added a migration.
//
// The schema as of that commit stands in for "the migrated database": the
// 6.19 CLI cannot diff against a shadow database or a datasource through a
// driver adapter, and the native engine that could is not downloadable
// offline. So commit each migration together with its schema change.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]{1,60}$/.test(name)) {
  process.stderr.write("usage: pnpm db:diff <name_in_snake_case>\n");
  process.exit(2);
}

const git = (...args) => execFileSync("git", args, { encoding: "utf8" }).trim();
const lastMigrationCommit = git(
  "log",
  "-1",
  "--format=%H",
  "--",
  "prisma/migrations",
);
const previous = git("show", `${lastMigrationCommit}:prisma/schema.prisma`);
const scratch = mkdtempSync(path.join(tmpdir(), "rally-diff-"));
const previousFile = path.join(scratch, "schema.prisma");
writeFileSync(previousFile, previous);

const sql = execFileSync(
  "pnpm",
  [
    "exec",
    "prisma",
    "migrate",
    "diff",
    "--from-schema-datamodel",
    previousFile,
    "--to-schema-datamodel",
    "prisma/schema.prisma",
    "--script",
  ],
  {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    // The CLI opens its adapter even for a schema-to-schema diff: give it
    // a scratch embedded database rather than anyone's real one.
    env: {
      ...process.env,
      DATABASE_URL: "",
      RALLY_DATA_DIR: path.join(scratch, "pglite"),
      CHECKPOINT_DISABLE: "1",
    },
  },
);
if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
  process.stdout.write("the schema has no changes since the last migration\n");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
process.stdout.write(`wrote ${dir}/migration.sql\n`);
