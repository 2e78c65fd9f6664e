import { DomainError } from "../../errors.ts";
import type { Prisma } from "@rally/db";

/**
 * Writes the campaign's recipients: one row per eligible vehicle, set-based.
 * Eligible: active, its latest service of the rule's type older than the
 * cadence (or never serviced, when the rule says so), no upcoming booking,
 * and an owner with an address that is not suppressed. The control group is
 * drawn per customer, so a household is either all emailed or all held out.
 */
export async function materializeCohort(
  tx: Prisma.TransactionClient,
  input: {
    campaignId: number;
    ruleId: number;
    asOf: Date;
    controlShare: number;
  },
): Promise<{ recipients: number; controls: number }> {
  const rule = await tx.rule.findUnique({
    where: { id: input.ruleId },
    select: {
      serviceTypeId: true,
      cadenceMonths: true,
      includeNeverServiced: true,
    },
  });
  if (!rule) {
    throw new DomainError(
      "NOT_FOUND",
      `rule ${input.ruleId} does not exist`,
      "ruleId",
    );
  }
  const rows = await tx.$queryRawUnsafe<{ is_control: boolean; n: bigint }[]>(
    `WITH latest AS (
      SELECT v.id AS vehicle_id, v.customer_id,
        (SELECT max(sr.performed_at) FROM service_records sr
          WHERE sr.vehicle_id = v.id AND sr.service_type_id = $3) AS last_service_at
      FROM vehicles v JOIN customers c ON c.id = v.customer_id
      WHERE v.status = 'ACTIVE' AND c.email IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.email = lower(c.email))
        AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.vehicle_id = v.id
          AND a.status = 'SCHEDULED' AND a.scheduled_for >= $4::timestamptz)
    ), due AS (
      SELECT *, last_service_at + make_interval(months => $5) AS due_at FROM latest
      WHERE (last_service_at IS NULL AND $6)
        OR last_service_at + make_interval(months => $5) <= $4::timestamptz
    ), households AS (
      SELECT customer_id, row_number() OVER (ORDER BY random()) AS rn,
        count(*) OVER () AS n
      FROM (SELECT DISTINCT customer_id FROM due) d
    ), inserted AS (
      INSERT INTO campaign_recipients (campaign_id, rule_id, vehicle_id,
        customer_id, is_control, last_service_at, due_at, days_overdue, created_at)
      SELECT $1, $2, d.vehicle_id, d.customer_id, h.rn <= round(h.n * $7::float8),
        d.last_service_at, d.due_at,
        COALESCE(GREATEST(0, floor(extract(epoch FROM ($4::timestamptz - d.due_at)) / 86400)), 0)::int,
        $4::timestamptz
      FROM due d JOIN households h ON h.customer_id = d.customer_id
      RETURNING is_control
    )
    SELECT is_control, count(*) AS n FROM inserted GROUP BY is_control`,
    input.campaignId,
    input.ruleId,
    rule.serviceTypeId,
    input.asOf,
    rule.cadenceMonths,
    rule.includeNeverServiced,
    input.controlShare,
  );
  const count = (isControl: boolean) =>
    Number(rows.find((row) => row.is_control === isControl)?.n ?? 0);

  return { recipients: count(false) + count(true), controls: count(true) };
}
