import { openDatabase } from "@rally/db";
import { withDatabase } from "@rally/db/testing";

/** The PostgreSQL server a bench runs on, or an exit that says so. */
export function benchServerUrl(script: string): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write(
      `${script} needs DATABASE_URL (a PostgreSQL server)\n`,
    );
    process.exit(1);
  }

  return url;
}

/** Drops and creates the bench's own database, so each run starts clean. */
export async function recreateDatabase(serverUrl: string, name: string) {
  const admin = await openDatabase({
    url: withDatabase(serverUrl, "postgres"),
    maxConnections: 1,
  });
  await admin.sql.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.sql.exec(`CREATE DATABASE ${name}`);
  await admin.close();
}
