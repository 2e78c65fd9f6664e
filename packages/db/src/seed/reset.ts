import type { Database } from "../database.ts";

/** Tables whose rows mean someone already set this shop up. */
const contentTables = [
  "shop_settings",
  "service_types",
  "customers",
  "vehicles",
  "templates",
  "rules",
];

export async function isDatabaseEmpty(db: Database) {
  const [row] = await db.sql.query<{ has_rows: boolean }>(
    `SELECT ${contentTables
      .map((table) => `EXISTS (SELECT 1 FROM ${table})`)
      .join(" OR ")} AS has_rows`,
  );

  return !row?.has_rows;
}

/** Empties every table except the migration history, restarting ids. */
export async function resetDatabase(db: Database) {
  const rows = await db.sql.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables
     WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
  );
  if (rows.length === 0) {
    return;
  }
  const names = rows.map((row) => `"${row.tablename}"`).join(", ");
  await db.sql.exec(`TRUNCATE ${names} RESTART IDENTITY CASCADE`);
}
