import { randomBytes } from "node:crypto";

import pg from "pg";

import { openDatabase, type Database } from "./database.ts";
import { migrate } from "./migrate.ts";

/**
 * A fresh, migrated database for one test file. With DATABASE_URL set it is
 * a new database on that server, copied from a migrated template and dropped
 * on close; otherwise an in-memory PGlite.
 */
export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = await openDatabase({});
    await migrate(db);

    return db;
  }
  const name = `rally_test_${randomBytes(6).toString("hex")}`;
  await createFromTemplate(serverUrl, name);
  const db = await openDatabase({
    url: withDatabase(serverUrl, name),
    maxConnections: 5,
  });

  return {
    ...db,
    async close() {
      await db.close();
      await adminQuery(
        serverUrl,
        `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`,
      );
    },
  };
}

export function withDatabase(url: string, name: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;

  return parsed.toString();
}

async function adminQuery(serverUrl: string, text: string) {
  const client = new pg.Client({
    connectionString: withDatabase(serverUrl, "postgres"),
  });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * The template is named after the URL's database, so one CI run (one
 * DATABASE_URL) migrates it once, whichever test file gets there first. The
 * lock covers the copy too: PostgreSQL refuses to copy a template that
 * another session is connected to.
 */
async function createFromTemplate(serverUrl: string, name: string) {
  const base = new URL(serverUrl).pathname.slice(1) || "rally";
  const template = `${base}_template`.replace(/[^a-z0-9_]/gi, "_");
  const client = new pg.Client({
    connectionString: withDatabase(serverUrl, "postgres"),
  });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(72617012)");
    const exists = await client.query(
      "SELECT 1 FROM pg_database WHERE datname = $1",
      [template],
    );
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE ${template}`);
    }
    const db = await openDatabase({
      url: withDatabase(serverUrl, template),
      maxConnections: 1,
    });
    try {
      await migrate(db);
    } finally {
      await db.close();
    }
    await client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await client.end();
  }
}
