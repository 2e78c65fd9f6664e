import type { Database } from "@rally/db";

import { withoutJit } from "../src/services/cohort/sql.ts";

/**
 * The bench rule's eligible total written by hand for this data (a
 * six-month oil change, no filters, no mileage, nothing serviced after
 * asOf): the least work any implementation has to do, to compare the
 * preview against. It reads the stored latest services as the preview
 * does, tests each condition as a set lookup and, like the preview, runs
 * without JIT. On this asOf (1 December, where no month end clamps) "due"
 * is exactly "performed before the local start of 2 June", one bound.
 */
export async function floorTotal(db: Database, ruleId: number, asOf: Date) {
  const rows = await db.session(async (sql) => {
    await sql.exec(`BEGIN; ${withoutJit}`);
    try {
      return await sql.query<{ total: number }>(FLOOR_SQL, [
        asOf,
        "America/New_York",
        ruleId,
      ]);
    } finally {
      await sql.exec("COMMIT");
    }
  });

  return rows[0]?.total ?? 0;
}

const FLOOR_SQL = `SELECT count(*)::int AS total
    FROM latest_services l
    WHERE l.service_type_id = 1 AND l.vehicle_active
      AND l.performed_at < ((($1 AT TIME ZONE $2)::date
        - interval '6 months')::date + 1)::timestamp AT TIME ZONE $2
      AND l.vehicle_id NOT IN (SELECT a.vehicle_id FROM appointments a
        WHERE a.status = 'SCHEDULED' AND a.scheduled_for > $1)
      AND l.customer_id NOT IN (
        SELECT c.id FROM customers c
        WHERE c.email IS NULL OR btrim(c.email) = ''
        UNION ALL
        SELECT c.id FROM suppressions s CROSS JOIN LATERAL (
          SELECT c.id FROM customers c
          WHERE lower(btrim(c.email)) = s.email OFFSET 0) c)
      AND NOT EXISTS (SELECT 1 FROM campaign_recipients r
        WHERE r.rule_id = $3 AND r.vehicle_id = l.vehicle_id
          AND r.created_at > l.performed_at)
      AND l.customer_id NOT IN (SELECT e.customer_id FROM emails e
        WHERE e.customer_id IS NOT NULL AND e.campaign_id IS NOT NULL
          AND e.created_at > $1::timestamptz - make_interval(hours => 168))`;
