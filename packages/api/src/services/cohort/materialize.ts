import type { Prisma } from "@rally/db";

import { DomainError } from "../../errors.ts";
import type { CohortQuery } from "./criteria.ts";
import { cohortQueryFor, cohortShape } from "./preview.ts";
import {
  classification,
  cohortParams,
  daysOverdueOf,
  dueAtOf,
  dueCtes,
  emailedJoin,
  withoutJit,
  type CohortShape,
} from "./sql.ts";

/** Any fixed number: with the rule id, serialises materialising one rule. */
const RULE_RUN_LOCK = 72_617_030;

/**
 * Writes the rule's cohort at `asOf` into the campaign's recipients with one
 * INSERT ... SELECT: the same vehicles `previewCohort` counts as eligible at
 * that instant, one row per vehicle, and nothing passes through Node.
 *
 * `controlShare` of the cohort's customers (rounded, drawn at random) are
 * held out with all their vehicles (`isControl`); they get no email and do
 * not count as emailed, so they come back in the next run.
 * Rows are stamped `createdAt = asOf`, the instant the cohort stood at.
 *
 * Returns the rows written (`recipients`, controls included) and how many
 * of them are controls.
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
  if (!(input.controlShare >= 0 && input.controlShare <= 0.5)) {
    throw new DomainError(
      "INVALID_INPUT",
      `control share ${input.controlShare} is not between 0 and 0.5`,
      "controlShare",
    );
  }
  // Two runs of one rule at once would both see the same vehicles as not
  // yet emailed; the second waits here and then sees the first's rows.
  await tx.$executeRawUnsafe(
    "SELECT pg_advisory_xact_lock($1::int, $2::int)",
    RULE_RUN_LOCK,
    input.ruleId,
  );
  await tx.$executeRawUnsafe(withoutJit);
  const query = await cohortQueryFor(tx, { ruleId: input.ruleId }, input.asOf);
  const shape = await cohortShape(
    {
      query: <Row>(text: string, params: unknown[] = []) =>
        tx.$queryRawUnsafe<Row[]>(text, ...params),
    },
    query,
  );
  const rows = await tx.$queryRawUnsafe<
    { recipients: number; controls: number }[]
  >(
    materializeSql(query, shape),
    ...cohortParams(query),
    input.campaignId,
    input.controlShare,
  );

  return rows[0] ?? { recipients: 0, controls: 0 };
}

/** $14 campaign id, $15 control share. */
function materializeSql(query: CohortQuery, shape: CohortShape) {
  return `WITH ${dueCtes(query, shape)},
eligible AS MATERIALIZED (
  SELECT d.vehicle_id, d.customer_id, d.last_service_at, d.due_date
  FROM due d ${emailedJoin}
  WHERE ${classification(query)} IS NULL
),
drawn AS MATERIALIZED (
  SELECT customer_id,
    row_number() OVER (ORDER BY random()) <= round(
      count(*) OVER () * $15::float8) AS is_control
  FROM (SELECT DISTINCT customer_id FROM eligible) customers
),
inserted AS (
  INSERT INTO campaign_recipients (campaign_id, rule_id, vehicle_id,
    customer_id, is_control, last_service_at, due_at, days_overdue,
    created_at)
  SELECT $14::int, $7::int, e.vehicle_id, e.customer_id, d.is_control,
    e.last_service_at, ${dueAtOf("e.due_date")},
    ${daysOverdueOf("e.due_date")}, $1::timestamptz
  FROM eligible e JOIN drawn d ON d.customer_id = e.customer_id
  -- Each row's foreign keys lock its vehicle and owner; in vehicle order
  -- those locks walk the vehicles table instead of hopping around it.
  ORDER BY e.vehicle_id
  RETURNING is_control
)
SELECT count(*)::int AS recipients,
  (count(*) FILTER (WHERE is_control))::int AS controls
FROM inserted`;
}
