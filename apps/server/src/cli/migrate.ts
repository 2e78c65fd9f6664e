import { databaseOptionsFromEnv, migrate, openDatabase } from "@rally/db";
import type { Command } from "commander";

export function addMigrateCommand(program: Command) {
  program
    .command("migrate")
    .description(
      "apply pending migrations to the configured database (DATABASE_URL, or PGlite in RALLY_DATA_DIR)",
    )
    .action(async () => {
      const db = await openDatabase(databaseOptionsFromEnv());
      try {
        const { applied, total } = await migrate(db);
        process.stdout.write(
          `${JSON.stringify({ applied, total }, null, 2)}\n`,
        );
      } finally {
        await db.close();
      }
    });
}
