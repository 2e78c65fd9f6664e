import type { Database } from "@rally/db";

import { queryWithoutJit } from "../src/services/cohort/preview.ts";

/**
 * The bench rule's eligible total written by hand for this data (a
 * six-month oil change, no filters, no mileage, nothing serviced after
 * asOf): the least work any implementation has to do, to compare the
 * preview against. It reads the stored latest services as the preview
 * does, and like it runs without JIT.
 */
export async function floorTotal(db: Database, ruleId: number, asOf: Date) {
  const rows = await queryWithoutJit<{ total: number }>(
    db,
    `SELECT count(*)::int AS total
    FROM (
      SELECT vehicle_id, performed_at AS last_at FROM latest_services
      WHERE service_type_id = 1 AND performed_at <= $1
    ) l
    JOIN vehicles v ON v.id = l.vehicle_id
    JOIN customers c ON c.id = v.customer_id
    WHERE v.status = 'ACTIVE'
      AND ((l.last_at AT TIME ZONE $2)::date + interval '6 months')::date
        <= ($1 AT TIME ZONE $2)::date
      AND c.email IS NOT NULL AND c.email <> ''
      AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.email = c.email)
      AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.vehicle_id = v.id
        AND a.status = 'SCHEDULED' AND a.scheduled_for > $1)
      AND NOT EXISTS (SELECT 1 FROM campaign_recipients r
        WHERE r.rule_id = $3 AND r.vehicle_id = v.id
          AND r.created_at > l.last_at)
      AND NOT EXISTS (SELECT 1 FROM emails e
        WHERE e.customer_id = c.id AND e.campaign_id IS NOT NULL
          AND e.created_at > $1::timestamptz - make_interval(hours => 168))`,
    [asOf, "America/New_York", ruleId],
  );

  return rows[0]?.total ?? 0;
}
