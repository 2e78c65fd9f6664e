import type { Database } from "../database.ts";
import { inTransaction } from "./bulk.ts";
import { demoServiceTypes, demoShop } from "./catalog.ts";
import { writeCatalog } from "./catalog-write.ts";
import { generateCustomer, type Cursor } from "./generate.ts";
import { createLocalTime, dayOf } from "./local-time.ts";
import { createRandom } from "./random.ts";
import { createDemoTables, type DemoTables } from "./tables.ts";

export { isDatabaseEmpty, resetDatabase } from "./reset.ts";

export interface SeedOptions {
  /** How many vehicles; about five customers for every seven vehicles. */
  vehicles?: number;
  /** The PRNG seed: the same seed and `now` give the same shop. */
  seed?: number;
  onProgress?: (done: number, total: number) => void;
  /** "Today" for the demo, so its history always ends now. */
  now?: Date;
}

export const demoDefaults = { vehicles: 700, seed: 20_261_203 } as const;

/** Vehicles written per transaction: big enough to be fast, small enough to stay flat in memory. */
const vehiclesPerBatch = 2_000;

export type SeedSummary = Awaited<ReturnType<typeof seedDemoShop>>;

/**
 * Builds the demo shop. Settings, types, templates and rules come first;
 * then customers with their vehicles and history, in transactions of a few
 * thousand vehicles. A seed that fails midway leaves the batches before the
 * failure behind; `rally seed --reset` starts over.
 */
export async function seedDemoShop(db: Database, options: SeedOptions = {}) {
  const vehicleTotal = options.vehicles ?? demoDefaults.vehicles;
  const now = options.now ?? new Date();
  const random = createRandom(options.seed ?? demoDefaults.seed);
  const catalog = await writeCatalog(db);
  const ctx = {
    random,
    localTime: createLocalTime(demoShop.timeZone),
    types: demoServiceTypes,
    typeIds: catalog.typeIds,
    today: dayOf(now),
    now,
    tables: createDemoTables(),
    cursor: await startCursor(db),
  };
  const counts = emptyCounts();
  const customerTotal = Math.max(1, Math.round((vehicleTotal * 5) / 7));
  let extraVehicles = vehicleTotal - customerTotal;
  let done = 0;
  for (let index = 0; index < customerTotal; index += 1) {
    // Selection sampling: exactly `extraVehicles` customers get a second car.
    const hasSecond = random.next() * (customerTotal - index) < extraVehicles;
    extraVehicles -= hasSecond ? 1 : 0;
    generateCustomer(ctx, hasSecond ? 2 : 1);
    if (ctx.tables.vehicles.size >= vehiclesPerBatch) {
      done += await writeBatch(db, ctx.tables, counts);
      options.onProgress?.(done, vehicleTotal);
    }
  }
  done += await writeBatch(db, ctx.tables, counts);
  options.onProgress?.(done, vehicleTotal);
  await syncSequences(db);

  return {
    ...counts,
    serviceTypes: catalog.typeIds.length,
    templates: catalog.templates,
    rules: catalog.rules,
  };
}

function emptyCounts() {
  return {
    customers: 0,
    vehicles: 0,
    serviceRecords: 0,
    declinedServices: 0,
    appointments: 0,
    suppressions: 0,
  };
}

async function writeBatch(
  db: Database,
  tables: DemoTables,
  counts: ReturnType<typeof emptyCounts>,
) {
  const vehicles = tables.vehicles.size;
  for (const key of Object.keys(counts) as (keyof DemoTables)[]) {
    counts[key] += tables[key].size;
  }
  await inTransaction(db.session, async (sql) => {
    for (const table of Object.values(tables)) {
      await table.flush(sql);
    }
  });

  return vehicles;
}

const sequenced = ["customers", "vehicles", "service_records"] as const;

/** Ids are assigned here rather than by the sequences, which then catch up. */
async function startCursor(db: Database): Promise<Cursor> {
  const [row] = await db.sql.query<Record<string, number>>(
    `SELECT ${sequenced
      .map(
        (table) =>
          `(SELECT coalesce(max(id), 0) FROM ${table})::int AS ${table}`,
      )
      .join(", ")}`,
  );

  return {
    customerId: row!.customers!,
    vehicleId: row!.vehicles!,
    recordId: row!.service_records!,
    customerNumber: 0,
    vehicleNumber: 0,
    recordNumber: 0,
  };
}

async function syncSequences(db: Database) {
  for (const table of sequenced) {
    await db.sql.query(
      `SELECT setval(pg_get_serial_sequence('${table}', 'id'), max(id)) FROM ${table} HAVING max(id) IS NOT NULL`,
    );
  }
}
