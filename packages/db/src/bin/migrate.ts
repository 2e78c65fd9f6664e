import { openDatabase } from "../database.ts";
import { databaseOptionsFromEnv } from "../env.ts";
import { migrate } from "../migrate.ts";

const db = await openDatabase(databaseOptionsFromEnv());
try {
  const { applied, total } = await migrate(db);
  const names = applied.length > 0 ? `: ${applied.join(", ")}` : "";
  process.stdout.write(
    `${applied.length} of ${total} migrations applied now${names}\n`,
  );
} finally {
  await db.close();
}
