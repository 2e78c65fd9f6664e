import type { Database } from "@rally/db";
import { seedDemoShop } from "@rally/db/seed";
import type { Logger } from "pino";

/** A newcomer's first start gets a demo shop to look at. */
export async function seedDemoIfEmpty(db: Database, logger: Logger) {
  const customers = await db.prisma.customer.count();
  if (customers > 0) {
    return;
  }
  logger.info("empty database: seeding the demo shop");
  const summary = await seedDemoShop(db, {});
  logger.info(summary, "demo shop seeded");
}
