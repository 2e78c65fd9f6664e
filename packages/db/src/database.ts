import { mkdirSync } from "node:fs";

import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

import { PrismaClient } from "./generated/prisma/client.ts";
import { createNotifier, type Notifier } from "./notifier.ts";

export type DatabaseKind = "pglite" | "postgres";

/** Raw SQL access beside Prisma, for set-based queries and bulk work. */
export interface SqlRunner {
  query<Row = Record<string, unknown>>(
    text: string,
    params?: unknown[],
  ): Promise<Row[]>;
  exec(text: string): Promise<void>;
}

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  sql: SqlRunner;
  notifier: Notifier;
  /** Runs `work` on one connection, for session state such as locks. */
  session<T>(work: (sql: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A postgres:// URL; without one Rally runs on embedded PGlite. */
  url?: string | undefined;
  /** PGlite's data folder; omitted (with no url) means in memory. */
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
}

export async function openDatabase(
  options: DatabaseOptions,
): Promise<Database> {
  if (options.url) {
    return openPostgres(options.url, options.maxConnections ?? 10);
  }

  return openPglite(options.dataDir);
}

function openPostgres(url: string, max: number): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client that loses its server must not crash the process; the
  // next query reports the failure to its caller instead.
  pool.on("error", () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const notifier = createNotifier({ kind: "postgres", url });

  return {
    kind: "postgres",
    prisma,
    notifier,
    sql: pgRunner(pool),
    async session(work) {
      const client = await pool.connect();
      try {
        return await work(pgRunner(client));
      } finally {
        client.release();
      }
    },
    async close() {
      await notifier.close();
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/**
 * PGlite and its adapter load only here: their WebAssembly build costs a
 * process on PostgreSQL some 40 MB of memory it would never use.
 */
async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
  }
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("pglite-prisma-adapter"),
  ]);
  const client = new PGlite(dataDir);
  await client.waitReady;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
  const notifier = createNotifier({ kind: "pglite", client });

  const sql: SqlRunner = {
    async query(text, params) {
      const result = await client.query(text, params);

      return result.rows as never[];
    },
    async exec(text) {
      await client.exec(text);
    },
  };

  return {
    kind: "pglite",
    prisma,
    notifier,
    sql,
    // PGlite is one connection already.
    session: (work) => work(sql),
    async close() {
      await notifier.close();
      await prisma.$disconnect();
      await client.close();
    },
  };
}

function pgRunner(target: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    async query(text, params) {
      const result = await target.query(text, params as unknown[]);

      return result.rows;
    },
    async exec(text) {
      await target.query(text);
    },
  };
}
