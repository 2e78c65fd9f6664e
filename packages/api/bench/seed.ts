import type { SqlRunner } from "@rally/db";

/**
 * A shop with `vehicles` vehicles generated inside PostgreSQL with
 * generate_series, in chunks so progress can be shown: about 0.7 customers
 * per vehicle, four service records per vehicle over three years (two oil
 * changes, a tire rotation, a brake check, with odometer readings), one
 * upcoming appointment per ten vehicles, 1% suppressed addresses and 2% of
 * customers emailed by a campaign in the last ten days.
 */
export interface BenchShop {
  vehicles: number;
  asOf: Date;
  onProgress: (stage: string, done: number, total: number) => void;
}

const chunk = 50_000;
export const benchMakes = [
  "Toyota",
  "Ford",
  "Honda",
  "Chevrolet",
  "Nissan",
  "Hyundai",
  "Kia",
  "Subaru",
  "Mazda",
  "Volkswagen",
];

export async function seedBenchShop(sql: SqlRunner, shop: BenchShop) {
  const customers = Math.round(shop.vehicles * 0.7);
  const t = `'${shop.asOf.toISOString()}'::timestamptz`;
  await sql.exec(`
    INSERT INTO shop_settings (id, name, time_zone, sender_name, sender_email,
      postal_address, opening_hours, updated_at)
    VALUES (1, 'Bench Garage', 'America/New_York', 'Bench', 'b@bench.test',
      '1 Main St', '[]', now());
    INSERT INTO service_types (key, name, default_cadence_months) VALUES
      ('oil-change', 'Oil change', 6), ('tire-rotation', 'Tire rotation', 6),
      ('brakes', 'Brake check', 12), ('inspection', 'Inspection', 12);`);

  await inChunks(customers, "customers", shop, (from, to) =>
    sql.exec(`
      INSERT INTO customers (first_name, last_name, email, updated_at)
      SELECT 'First' || i, 'Last' || i,
        CASE WHEN i % 33 = 0 THEN NULL ELSE 'c' || i || '@example.com' END,
        now()
      FROM generate_series(${from}, ${to}) i`),
  );
  const makes = `ARRAY[${benchMakes.map((m) => `'${m}'`).join(",")}]`;
  await inChunks(shop.vehicles, "vehicles", shop, (from, to) =>
    sql.exec(`
      INSERT INTO vehicles (customer_id, make, model, year, status, updated_at)
      SELECT 1 + (i::bigint * 7919) % ${customers}, (${makes})[1 + i % 10],
        'Model' || (i % 7), 2000 + i % 25,
        (CASE WHEN i % 20 = 0 THEN 'SOLD' ELSE 'ACTIVE' END)::vehicle_status,
        now()
      FROM generate_series(${from}, ${to}) i`),
  );
  await inChunks(shop.vehicles, "service records", shop, (from, to) =>
    sql.exec(`
      INSERT INTO service_records (vehicle_id, service_type_id, performed_at,
        odometer)
      SELECT v, CASE k WHEN 1 THEN 1 WHEN 2 THEN 1 WHEN 3 THEN 2 ELSE 3 END,
        ${t} - make_interval(days => (k - 1) * 270 + (v * 37 + k * 11) % 270,
          hours => (v + k) % 24),
        CASE WHEN (v + k) % 5 = 0 THEN NULL
          ELSE 60000 - k * 9000 + v % 5000 END
      FROM generate_series(${from}, ${to}) v, generate_series(1, 4) k`),
  );
  await inChunks(
    Math.round(shop.vehicles / 10),
    "appointments",
    shop,
    (from, to) =>
      sql.exec(`
      INSERT INTO appointments (vehicle_id, scheduled_for, status, updated_at)
      SELECT 1 + (i::bigint * 104729) % ${shop.vehicles},
        ${t} + make_interval(hours => 1 + i % 1000), 'SCHEDULED', now()
      FROM generate_series(${from}, ${to}) i`),
  );
  await sql.exec(`
    INSERT INTO suppressions (email, reason)
    SELECT 'c' || i || '@example.com', 'UNSUBSCRIBED'
    FROM generate_series(1, ${customers}, 100) i;
    INSERT INTO rules (name, service_type_id, cadence_months, updated_at)
    VALUES ('Earlier tire rotation', 2, 6, now());
    INSERT INTO campaigns (rule_id, status, as_of) VALUES (1, 'DONE', ${t});
    INSERT INTO emails (campaign_id, customer_id, status, to_address,
      from_address, subject, message_id, created_at, updated_at)
    SELECT 1, i, 'SENT', 'c' || i || '@example.com', 'b@bench.test', 'Due',
      '<bench-' || i || '@bench.test>',
      ${t} - make_interval(hours => i % 240), now()
    FROM generate_series(1, ${customers}, 50) i;`);
  shop.onProgress("analyze", 0, 1);
  // What autovacuum does on a running server: statistics, and the
  // visibility map that lets the cohort read indexes alone.
  await sql.exec("VACUUM ANALYZE");
  shop.onProgress("analyze", 1, 1);
}

async function inChunks(
  total: number,
  stage: string,
  shop: BenchShop,
  work: (from: number, to: number) => Promise<void>,
) {
  for (let from = 1; from <= total; from += chunk) {
    const to = Math.min(total, from + chunk - 1);
    await work(from, to);
    shop.onProgress(stage, to, total);
  }
}
