import type { CohortQuery } from "./criteria.ts";
import { defaultMilesPerDay } from "./mileage.ts";

/**
 * The cohort as one set-based query. `classified` holds every vehicle that
 * is due (condition 1) with the first other condition it fails, or null
 * when it is eligible. The fragments below are chosen by the rule's shape,
 * never built from user text; every value is a parameter.
 *
 * Parameters: $1 asOf, $2 time zone, $3 frequency cap days, $4 service
 * type, $5 cadence months, $6 mileage interval, $7 rule id, $8 make,
 * $9 model, $10 year min, $11 year max, $12 visited within months,
 * $13 declined offsets ("30,60,90").
 */
const T = "$1::timestamptz";
const TZ = "$2::text";
const TODAY = `(${T} AT TIME ZONE ${TZ})::date`;

/** Recipients that count as "emailed": see `countsAsEmailed` in evaluate.ts. */
const inFlightCampaign = `ca.status IN ('QUEUED', 'SENDING', 'PAUSED')`;
const unsentEmail = `('CANCELLED', 'SKIPPED', 'FAILED')`;

/** Names every parameter's type, since some shapes leave some unused. */
const typedParams = `typed_params AS (
  SELECT $1::timestamptz, $2::text, $3::int, $4::int, $5::int, $6::int,
    $7::int, $8::text, $9::text, $10::int, $11::int, $12::int, $13::text
)`;

/**
 * For the cohort's transaction: compiling the query with JIT costs about
 * half a second per call at a million vehicles and saves less than that.
 */
export const withoutJit = "SET LOCAL jit = off";

export function cohortParams(query: CohortQuery): unknown[] {
  const { criteria } = query;

  return [
    query.asOf.toISOString(),
    query.timeZone,
    query.frequencyCapDays,
    criteria.serviceTypeId,
    criteria.cadenceMonths,
    criteria.mileageInterval,
    query.ruleId,
    criteria.filters.make ?? null,
    criteria.filters.model ?? null,
    criteria.filters.yearMin ?? null,
    criteria.filters.yearMax ?? null,
    criteria.filters.visitedWithinMonths ?? null,
    criteria.declinedOffsetsDays.join(","),
  ];
}

/** The instant a due date begins in the shop's time zone. */
export const dueAtOf = (dueDate: string) =>
  `(${dueDate}::timestamp AT TIME ZONE ${TZ})`;

export const daysOverdueOf = (dueDate: string) => `(${TODAY} - ${dueDate})`;

/**
 * The CTEs up to and including `classified`, for `WITH ...` callers.
 * `classified` keeps few columns: at a million vehicles every due row
 * passes from the parallel workers to one process, so width costs time;
 * callers join what they show for the rows they keep.
 */
export function classifiedCtes(query: CohortQuery): string {
  const anchors =
    query.criteria.kind === "DECLINED_WORK"
      ? declinedAnchorCtes()
      : serviceAnchorCtes(query);

  return `${typedParams},
${anchors},
due AS (
  SELECT a.vehicle_id, v.customer_id, a.last_service_at, a.due_date,
    ${query.criteria.kind === "DECLINED_WORK" ? `(a.due_date::timestamp AT TIME ZONE ${TZ})` : "a.anchor_at"} AS since_at,
    v.make, v.model, v.year
  FROM anchor a JOIN vehicles v ON v.id = a.vehicle_id
  WHERE v.status = 'ACTIVE' AND a.due_date <= ${TODAY}
),
${exclusionCtes(query)},
classified AS (
  SELECT d.vehicle_id, d.customer_id, d.last_service_at, d.due_date, CASE
    WHEN NOT (${filterPredicate(query)}) THEN 'filters'
    WHEN b.vehicle_id IS NOT NULL THEN 'booked'
    WHEN c.email IS NULL OR btrim(c.email) = '' OR s.email IS NOT NULL
      THEN 'unreachable'
    WHEN em.last_at > d.since_at THEN 'alreadyEmailed'
    WHEN capped.customer_id IS NOT NULL THEN 'recentlyEmailed'
  END AS excluded_by
  FROM due d
  JOIN customers c ON c.id = d.customer_id
  LEFT JOIN booked b ON b.vehicle_id = d.vehicle_id
  LEFT JOIN suppressions s ON s.email = lower(btrim(c.email))
  LEFT JOIN emailed em ON em.vehicle_id = d.vehicle_id
  LEFT JOIN capped ON capped.customer_id = d.customer_id
)`;
}

function serviceAnchorCtes(query: CohortQuery): string {
  const hasMileage = query.criteria.mileageInterval !== null;
  // Without a mileage interval only services old enough can be due: a
  // local date plus N months is at most 3 days past today minus N months
  // (month ends), so this bound keeps every due vehicle and lets the index
  // skip the rest. The exact test is `due` below.
  const dueBound = hasMileage
    ? ""
    : `AND l.performed_at < ((${TODAY} - make_interval(months => $5::int))
         ::date + 7)::timestamp AT TIME ZONE ${TZ}`;
  // Rules with a mileage interval or that count never-serviced vehicles
  // still read every latest row of the type and aggregate odometer readings
  // or first visits from the history: at a million vehicles their preview
  // takes several times longer than a time-only rule's (not benchmarked).
  // latest_services holds each vehicle's latest record of the type; when
  // that is after asOf (a preview of the past), the latest as of then comes
  // from the vehicle's history.
  const latest = `SELECT l.vehicle_id, l.performed_at, l.odometer
       FROM latest_services l
       WHERE l.service_type_id = $4::int AND l.performed_at <= ${T} ${dueBound}
       UNION ALL (
         SELECT DISTINCT ON (sr.vehicle_id) sr.vehicle_id, sr.performed_at,
           sr.odometer
         FROM latest_services l
         JOIN service_records sr ON sr.vehicle_id = l.vehicle_id
           AND sr.service_type_id = l.service_type_id
           AND sr.performed_at <= ${T}
         WHERE l.service_type_id = $4::int AND l.performed_at > ${T}
         ORDER BY sr.vehicle_id, sr.performed_at DESC,
           sr.odometer DESC NULLS LAST)`;
  const firstVisits = query.criteria.includeNeverServiced
    ? `UNION ALL
       SELECT * FROM (
         SELECT DISTINCT ON (sr.vehicle_id) sr.vehicle_id,
           NULL::timestamptz, sr.performed_at, sr.odometer
         FROM service_records sr
         WHERE sr.performed_at <= ${T} AND NOT EXISTS (
           SELECT 1 FROM service_records s3
           WHERE s3.vehicle_id = sr.vehicle_id
             AND s3.service_type_id = $4::int AND s3.performed_at <= ${T})
         ORDER BY sr.vehicle_id, sr.performed_at, sr.odometer NULLS LAST
       ) first_visit`
    : "";

  return `latest AS (${latest}),
anchor_src AS (
  SELECT l.vehicle_id, l.performed_at AS last_service_at,
    l.performed_at AS anchor_at, l.odometer AS anchor_odometer
  FROM latest l
  ${firstVisits}
),
${hasMileage ? mileageCtes() : ""}
anchor AS (
  SELECT a.vehicle_id, a.last_service_at, a.anchor_at,
    ${hasMileage ? "LEAST(a.time_due, a.mileage_due)" : "a.time_due"} AS due_date
  FROM (
    SELECT x.*,
      ((x.anchor_at AT TIME ZONE ${TZ})::date
        + make_interval(months => $5::int))::date AS time_due
      ${hasMileage ? `, ${mileageDueExpression()} AS mileage_due` : ""}
    FROM anchor_src x
    ${hasMileage ? "LEFT JOIN rates r ON r.vehicle_id = x.vehicle_id" : ""}
  ) a
)`;
}

/** First and last reading per due candidate; see mileage.ts for the rule. */
function mileageCtes(): string {
  return `readings AS (
  SELECT sr.vehicle_id,
    (min(sr.performed_at) AT TIME ZONE ${TZ})::date AS first_date,
    (max(sr.performed_at) AT TIME ZONE ${TZ})::date AS last_date,
    (array_agg(sr.odometer ORDER BY sr.performed_at, sr.odometer))[1]
      AS first_odometer,
    (array_agg(sr.odometer ORDER BY sr.performed_at DESC,
      sr.odometer DESC))[1] AS last_odometer
  FROM service_records sr
  WHERE sr.odometer IS NOT NULL AND sr.performed_at <= ${T}
    AND sr.vehicle_id IN (SELECT vehicle_id FROM anchor_src)
  GROUP BY sr.vehicle_id
),
rates AS (
  SELECT vehicle_id, last_date, last_odometer,
    CASE WHEN last_date > first_date AND last_odometer >= first_odometer
      THEN (last_odometer - first_odometer)::numeric
      ELSE ${defaultMilesPerDay} END AS miles,
    CASE WHEN last_date > first_date AND last_odometer >= first_odometer
      THEN (last_date - first_date)::numeric ELSE 1 END AS days
  FROM readings
),`;
}

/** The first local date on which estimated miles since service reach $6. */
function mileageDueExpression(): string {
  return `CASE
    WHEN r.vehicle_id IS NULL OR r.miles = 0 THEN NULL
    WHEN x.anchor_odometer IS NOT NULL THEN r.last_date + ceil(
      ($6::int + x.anchor_odometer - r.last_odometer) * r.days / r.miles)::int
    ELSE (x.anchor_at AT TIME ZONE ${TZ})::date
      + ceil($6::int * r.days / r.miles)::int
  END`;
}

function declinedAnchorCtes(): string {
  return `declined AS (
  SELECT DISTINCT ON (sr.vehicle_id) sr.vehicle_id, sr.performed_at
  FROM declined_services ds
  JOIN service_records sr ON sr.id = ds.service_record_id
  WHERE ds.service_type_id = $4::int AND sr.performed_at <= ${T}
  ORDER BY sr.vehicle_id, sr.performed_at DESC
),
anchor AS (
  SELECT d.vehicle_id, d.performed_at AS last_service_at,
    d.performed_at AS anchor_at,
    (d.performed_at AT TIME ZONE ${TZ})::date + (
      SELECT max(o) FROM unnest(string_to_array($13::text, ',')::int[]) o
      WHERE (d.performed_at AT TIME ZONE ${TZ})::date + o <= ${TODAY}
    ) AS due_date
  FROM declined d
  WHERE NOT EXISTS (
    SELECT 1 FROM service_records s2
    WHERE s2.vehicle_id = d.vehicle_id AND s2.service_type_id = $4::int
      AND s2.performed_at > d.performed_at AND s2.performed_at <= ${T})
)`;
}

function exclusionCtes(query: CohortQuery): string {
  const emailed =
    query.ruleId === null
      ? `SELECT NULL::int AS vehicle_id, NULL::timestamptz AS last_at
         WHERE false`
      : `SELECT cr.vehicle_id, max(cr.created_at) AS last_at
         FROM campaign_recipients cr
         JOIN campaigns ca ON ca.id = cr.campaign_id
         LEFT JOIN emails e ON e.id = cr.email_id
         WHERE cr.rule_id = $7::int AND NOT cr.is_control
           AND CASE WHEN cr.email_id IS NULL THEN ${inFlightCampaign}
             ELSE e.status NOT IN ${unsentEmail} END
         GROUP BY cr.vehicle_id`;

  return `booked AS (
  SELECT DISTINCT a.vehicle_id FROM appointments a
  WHERE a.status = 'SCHEDULED' AND a.scheduled_for > ${T}
),
emailed AS (${emailed}),
capped AS (
  SELECT DISTINCT e.customer_id FROM emails e
  WHERE e.direction = 'OUTBOUND' AND e.campaign_id IS NOT NULL
    AND e.customer_id IS NOT NULL
    AND e.status NOT IN ('CANCELLED', 'SKIPPED')
    AND e.created_at > ${T} - make_interval(hours => 24 * $3::int)
)`;
}

function filterPredicate(query: CohortQuery): string {
  const visited = query.criteria.filters.visitedWithinMonths
    ? `EXISTS (
        SELECT 1 FROM vehicles v2
        JOIN service_records sv ON sv.vehicle_id = v2.id
        WHERE v2.customer_id = d.customer_id AND sv.performed_at <= ${T}
          AND (sv.performed_at AT TIME ZONE ${TZ})::date
            >= ${TODAY} - make_interval(months => $12::int))`
    : "true";

  return `($8::text IS NULL OR lower(d.make) = lower($8::text))
    AND ($9::text IS NULL OR lower(d.model) = lower($9::text))
    AND ($10::int IS NULL OR d.year >= $10::int)
    AND ($11::int IS NULL OR d.year <= $11::int)
    AND ${visited}`;
}
