import type { Database } from "@rally/db";

import { MARKETING_HTML } from "./email-fixtures.ts";

/**
 * A rule (oil every 6 months), its template and `customers` customers with
 * one overdue vehicle each, inserted in three statements: seeding
 * thousands of customers one by one would take longer than the test.
 */
export async function seedBulkCohort(db: Database, customers: number) {
  const serviceType = await db.prisma.serviceType.create({
    data: { key: "oil", name: "Oil change", defaultCadenceMonths: 6 },
  });
  const template = await db.prisma.template.create({
    data: {
      name: "Oil reminder",
      subject: "{{ customer.firstName }}, your {{ vehicle.make }} is due",
      html: MARKETING_HTML,
    },
  });
  const rule = await db.prisma.rule.create({
    data: {
      name: "Oil due",
      serviceTypeId: serviceType.id,
      cadenceMonths: 6,
      templateId: template.id,
    },
  });
  await db.sql.query(
    `WITH c AS (
      INSERT INTO customers (first_name, last_name, email, updated_at)
      SELECT 'Cust' || i, 'Bulk', 'c' || i || '@bulk.test', now()
      FROM generate_series(1, $1::int) AS i
      RETURNING id
    ), v AS (
      INSERT INTO vehicles (customer_id, make, model, year, updated_at)
      SELECT id, 'Toyota', 'Corolla', 2018, now() FROM c
      RETURNING id
    )
    INSERT INTO service_records (vehicle_id, service_type_id, performed_at)
    SELECT id, $2::int, now() - interval '240 days' FROM v`,
    [customers, serviceType.id],
  );

  return { rule };
}
