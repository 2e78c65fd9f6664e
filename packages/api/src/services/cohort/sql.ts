import type { ExclusionReason } from "./preview.ts";
import type { CohortQuery } from "./criteria.ts";
import { defaultMilesPerDay } from "./mileage.ts";

/**
 * The cohort as set-based SQL. `due` holds every vehicle that is due
 * (condition 1); `exclusions` are the other conditions, each written twice:
 * once to classify every due vehicle in one pass (counts, materialising),
 * once to keep or drop one vehicle at a time (a page, which stops after its
 * last row). The fragments are chosen by the rule's shape, never built from
 * user text; every value is a parameter.
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

/**
 * How one evaluation reads the data, beside the rule itself: whether some
 * vehicle's latest service of the type is after asOf (a preview of the
 * past), so that its latest as of then must come from its history.
 */
export interface CohortShape {
  readsHistory: boolean;
}

/** Answers `CohortShape.readsHistory` from the index, in one probe. */
export const readsHistorySql = `SELECT EXISTS (
  SELECT 1 FROM latest_services
  WHERE service_type_id = $1::int AND performed_at > $2::timestamptz
) AS "readsHistory"`;

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

/**
 * Whether the rule counts by time alone from each vehicle's latest service
 * of its type. Then a later service never falls due earlier, so the due
 * vehicles are one range of the latest-services index, read in the order
 * pages list them, and a due date is only worked out for rows shown.
 */
export function isTimeOnly(query: CohortQuery) {
  const { criteria } = query;

  return (
    criteria.kind !== "DECLINED_WORK" &&
    criteria.mileageInterval === null &&
    !criteria.includeNeverServiced
  );
}

/** The instant a due date begins in the shop's time zone. */
export const dueAtOf = (dueDate: string) =>
  `(${dueDate}::timestamp AT TIME ZONE ${TZ})`;

export const daysOverdueOf = (dueDate: string) => `(${TODAY} - ${dueDate})`;

/** The local date a service performed at `at` is due by time. */
const timeDueDateOf = (at: string) =>
  `((${at} AT TIME ZONE ${TZ})::date + make_interval(months => $5::int))::date`;

/**
 * The local date N months before today. Services on or before it are due;
 * services more than three days after it are not (adding months clamps to
 * the month's end, so 28 to 31 August all fall due on 28 February). Only
 * services in between need their due date worked out.
 */
const cadenceAgo = `(${TODAY} - make_interval(months => $5::int))::date`;
const surelyDueBefore = `((${cadenceAgo} + 1)::timestamp AT TIME ZONE ${TZ})`;
const neverDueFrom = `((${cadenceAgo} + 4)::timestamp AT TIME ZONE ${TZ})`;

/**
 * The CTEs up to `due`, for `WITH ...` callers: one row per active vehicle
 * due at asOf, with vehicle_id, customer_id, last_service_at, anchor_at,
 * since_at (emails after it count as "already emailed") and due_date, plus
 * make, model and year when the filters test them. Then `emailed`, the
 * rule's recipients that count, for `emailedJoin`.
 *
 * A time-only rule's `due` is not materialised: counting reads the index
 * alone, and a page stops after its last row. Other rules aggregate history
 * to find their due dates, which is done once.
 */
export function dueCtes(query: CohortQuery, shape: CohortShape): string {
  const due = isTimeOnly(query)
    ? `due AS NOT MATERIALIZED (${timeOnlyDue(query, shape)})`
    : `${slowAnchorCtes(query, shape)},
due AS MATERIALIZED (${slowDue(query)})`;

  return `${typedParams},
${due},
emailed AS (${emailedSql(query)})`;
}

/** Each vehicle's latest service of the type as of asOf. */
function latestSql(shape: CohortShape) {
  const stored = `SELECT l.vehicle_id, l.customer_id, l.vehicle_active,
    l.performed_at, l.odometer
  FROM latest_services l
  WHERE l.service_type_id = $4::int AND l.performed_at <= ${T}`;
  if (!shape.readsHistory) {
    return stored;
  }

  return `${stored}
  UNION ALL (
    SELECT DISTINCT ON (sr.vehicle_id) sr.vehicle_id, l.customer_id,
      l.vehicle_active, sr.performed_at, sr.odometer
    FROM latest_services l
    JOIN service_records sr ON sr.vehicle_id = l.vehicle_id
      AND sr.service_type_id = l.service_type_id
      AND sr.performed_at <= ${T}
    WHERE l.service_type_id = $4::int AND l.performed_at > ${T}
    ORDER BY sr.vehicle_id, sr.performed_at DESC,
      sr.odometer DESC NULLS LAST)`;
}

function timeOnlyDue(query: CohortQuery, shape: CohortShape) {
  const needsVehicle = vehicleFilters(query).length > 0;

  return `
  SELECT l.vehicle_id, l.customer_id, l.performed_at AS last_service_at,
    l.performed_at AS anchor_at, l.performed_at AS since_at,
    ${timeDueDateOf("l.performed_at")} AS due_date
    ${needsVehicle ? ", v.make, v.model, v.year" : ""}
  FROM (${latestSql(shape)}) l
  ${needsVehicle ? "JOIN vehicles v ON v.id = l.vehicle_id" : ""}
  WHERE l.vehicle_active AND l.performed_at < ${neverDueFrom}
    AND (l.performed_at < ${surelyDueBefore}
      OR ${timeDueDateOf("l.performed_at")} <= ${TODAY})`;
}

/** Due vehicles of the rules whose `anchor` works out every due date. */
function slowDue(query: CohortQuery) {
  const needsVehicle = vehicleFilters(query).length > 0;

  return `
  SELECT a.vehicle_id, a.customer_id, a.last_service_at, a.anchor_at,
    a.since_at, a.due_date
    ${needsVehicle ? ", v.make, v.model, v.year" : ""}
  FROM anchor a
  ${needsVehicle ? "JOIN vehicles v ON v.id = a.vehicle_id" : ""}
  WHERE a.vehicle_active AND a.due_date <= ${TODAY}`;
}

/**
 * Anchors for rules with mileage, never-serviced vehicles or declined
 * work: vehicle_id, customer_id, vehicle_active, last_service_at,
 * anchor_at, since_at and due_date.
 */
function slowAnchorCtes(query: CohortQuery, shape: CohortShape): string {
  return query.criteria.kind === "DECLINED_WORK"
    ? declinedAnchorCtes()
    : serviceAnchorCtes(query, shape);
}

function serviceAnchorCtes(query: CohortQuery, shape: CohortShape): string {
  const hasMileage = query.criteria.mileageInterval !== null;
  // These rules work out a due date for every vehicle with the type (or
  // every vehicle), so they cost several times a time-only rule's preview
  // at a million vehicles: see docs/benchmarks.md. A vehicle never
  // serviced with the type as of asOf counts from its first visit.
  const firstVisits = query.criteria.includeNeverServiced
    ? `UNION ALL
       SELECT vv.vehicle_id, v.customer_id, v.status = 'ACTIVE',
         NULL::timestamptz, vv.first_visit_at, vv.first_visit_odometer
       FROM vehicle_visits vv JOIN vehicles v ON v.id = vv.vehicle_id
       WHERE vv.first_visit_at <= ${T}
         AND NOT EXISTS (SELECT 1 FROM latest l
           WHERE l.vehicle_id = vv.vehicle_id)`
    : "";

  return `latest AS (${latestSql(shape)}),
anchor_src AS (
  SELECT l.vehicle_id, l.customer_id, l.vehicle_active,
    l.performed_at AS last_service_at, l.performed_at AS anchor_at,
    l.odometer AS anchor_odometer
  FROM latest l
  ${firstVisits}
),
${hasMileage ? mileageCtes() : ""}
anchor AS (
  SELECT a.vehicle_id, a.customer_id, a.vehicle_active, a.last_service_at,
    a.anchor_at, a.anchor_at AS since_at,
    ${hasMileage ? "LEAST(a.time_due, a.mileage_due)" : "a.time_due"} AS due_date
  FROM (
    SELECT x.*, ${timeDueDateOf("x.anchor_at")} AS time_due
      ${hasMileage ? `, ${mileageDueExpression()} AS mileage_due` : ""}
    FROM anchor_src x
    ${hasMileage ? "LEFT JOIN rates r ON r.vehicle_id = x.vehicle_id" : ""}
  ) a
)`;
}

/**
 * First and last odometer reading per vehicle as of asOf (see mileage.ts
 * for the rule): stored in vehicle_visits, except for vehicles read after
 * asOf, whose readings until then come from their history.
 */
function mileageCtes(): string {
  return `readings AS (
  SELECT vv.vehicle_id,
    (vv.first_reading_at AT TIME ZONE ${TZ})::date AS first_date,
    (vv.last_reading_at AT TIME ZONE ${TZ})::date AS last_date,
    vv.first_reading_odometer AS first_odometer,
    vv.last_reading_odometer AS last_odometer
  FROM vehicle_visits vv
  WHERE vv.last_reading_at <= ${T}
  UNION ALL
  SELECT sr.vehicle_id,
    (min(sr.performed_at) AT TIME ZONE ${TZ})::date,
    (max(sr.performed_at) AT TIME ZONE ${TZ})::date,
    (array_agg(sr.odometer ORDER BY sr.performed_at, sr.odometer))[1],
    (array_agg(sr.odometer ORDER BY sr.performed_at DESC,
      sr.odometer DESC))[1]
  FROM service_records sr
  WHERE sr.odometer IS NOT NULL AND sr.performed_at <= ${T}
    AND sr.vehicle_id IN (SELECT vehicle_id FROM vehicle_visits
      WHERE last_reading_at > ${T})
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
  SELECT d.vehicle_id, d.customer_id, d.vehicle_active,
    d.performed_at AS last_service_at, d.performed_at AS anchor_at,
    d.due_date, (d.due_date::timestamp AT TIME ZONE ${TZ}) AS since_at
  FROM (
    SELECT d.*, v.customer_id, v.status = 'ACTIVE' AS vehicle_active,
      (d.performed_at AT TIME ZONE ${TZ})::date + (
        SELECT max(o) FROM unnest(string_to_array($13::text, ',')::int[]) o
        WHERE (d.performed_at AT TIME ZONE ${TZ})::date + o <= ${TODAY}
      ) AS due_date
    FROM declined d JOIN vehicles v ON v.id = d.vehicle_id
  ) d
  WHERE NOT EXISTS (
    SELECT 1 FROM service_records s2
    WHERE s2.vehicle_id = d.vehicle_id AND s2.service_type_id = $4::int
      AND s2.performed_at > d.performed_at AND s2.performed_at <= ${T})
)`;
}

/** The rule's recipients that count as emailed, latest per vehicle. */
function emailedSql(query: CohortQuery) {
  if (query.ruleId === null) {
    return `SELECT NULL::int AS vehicle_id, NULL::timestamptz AS last_at
      WHERE false`;
  }

  return `SELECT cr.vehicle_id, max(cr.created_at) AS last_at
    FROM campaign_recipients cr
    JOIN campaigns ca ON ca.id = cr.campaign_id
    LEFT JOIN emails e ON e.id = cr.email_id
    WHERE cr.rule_id = $7::int AND ${recipientCounts}
    GROUP BY cr.vehicle_id`;
}

const recipientCounts = `NOT cr.is_control
  AND CASE WHEN cr.email_id IS NULL THEN ${inFlightCampaign}
    ELSE e.status NOT IN ${unsentEmail} END`;

/** Joins `emailed` to `due d` as `em`, for the classifying form. */
export const emailedJoin =
  "LEFT JOIN emailed em ON em.vehicle_id = d.vehicle_id";

const cappedEmail = `e.direction = 'OUTBOUND' AND e.campaign_id IS NOT NULL
  AND e.status NOT IN ('CANCELLED', 'SKIPPED')
  AND e.created_at > ${T} - make_interval(hours => 24 * $3::int)`;

const upcomingAppointment = `a.status = 'SCHEDULED' AND a.scheduled_for > ${T}`;

interface Exclusion {
  reason: ExclusionReason;
  /**
   * True when due vehicle `d` is left out, tested against sets worked out
   * once per query (hashed), so classifying every due vehicle costs one
   * lookup per set. May read `em` (see `emailedJoin`).
   */
  excludes: string;
  /** True when `d` is kept, probing indexes for this one vehicle. */
  keeps: string;
}

/** Conditions 2 to 6, in the order a vehicle is counted under the first. */
export function exclusions(query: CohortQuery): Exclusion[] {
  const filters = filterPredicate(query);
  const list: Exclusion[] = [];
  if (filters) {
    list.push({
      reason: "filters",
      excludes: `NOT (${filters})`,
      keeps: filters,
    });
  }
  list.push(
    {
      reason: "booked",
      excludes: `d.vehicle_id IN (
        SELECT a.vehicle_id FROM appointments a WHERE ${upcomingAppointment})`,
      keeps: `NOT EXISTS (SELECT 1 FROM appointments a
        WHERE a.vehicle_id = d.vehicle_id AND ${upcomingAppointment})`,
    },
    {
      reason: "unreachable",
      // Built from the small side: owners without an address, then each
      // suppressed address looked up in the index on the address as
      // compared here (OFFSET 0 keeps the planner from scanning every
      // customer to join them instead).
      excludes: `d.customer_id IN (
        SELECT c.id FROM customers c
        WHERE c.email IS NULL OR btrim(c.email) = ''
        UNION ALL
        SELECT c.id FROM suppressions s CROSS JOIN LATERAL (
          SELECT c.id FROM customers c
          WHERE lower(btrim(c.email)) = s.email OFFSET 0) c)`,
      keeps: `EXISTS (SELECT 1 FROM customers c
        WHERE c.id = d.customer_id AND btrim(c.email) <> ''
          AND NOT EXISTS (SELECT 1 FROM suppressions s
            WHERE s.email = lower(btrim(c.email))))`,
    },
  );
  if (query.ruleId !== null) {
    list.push({
      reason: "alreadyEmailed",
      excludes: "em.last_at > d.since_at",
      keeps: `NOT EXISTS (SELECT 1 FROM campaign_recipients cr
        JOIN campaigns ca ON ca.id = cr.campaign_id
        LEFT JOIN emails e ON e.id = cr.email_id
        WHERE cr.rule_id = $7::int AND cr.vehicle_id = d.vehicle_id
          AND cr.created_at > d.since_at AND ${recipientCounts})`,
    });
  }
  list.push({
    reason: "recentlyEmailed",
    excludes: `d.customer_id IN (
      SELECT e.customer_id FROM emails e
      WHERE e.customer_id IS NOT NULL AND ${cappedEmail})`,
    keeps: `NOT EXISTS (SELECT 1 FROM emails e
      WHERE e.customer_id = d.customer_id AND ${cappedEmail})`,
  });

  return list;
}

/** The first condition due vehicle `d` fails, or null when it is eligible. */
export function classification(query: CohortQuery): string {
  const cases = exclusions(query).map(
    (x) => `WHEN ${x.excludes} THEN '${x.reason}'`,
  );

  return `CASE ${cases.join("\n    ")} END`;
}

/** Filters on the vehicle itself, which `due` must then join. */
function vehicleFilters(query: CohortQuery): string[] {
  const { filters } = query.criteria;
  const parts: string[] = [];
  if (filters.make !== undefined) {
    parts.push("lower(d.make) = lower($8::text)");
  }
  if (filters.model !== undefined) {
    parts.push("lower(d.model) = lower($9::text)");
  }
  if (filters.yearMin !== undefined) {
    parts.push("d.year >= $10::int");
  }
  if (filters.yearMax !== undefined) {
    parts.push("d.year <= $11::int");
  }

  return parts;
}

function filterPredicate(query: CohortQuery): string | null {
  const parts = vehicleFilters(query);
  if (query.criteria.filters.visitedWithinMonths) {
    parts.push(`EXISTS (
        SELECT 1 FROM vehicles v2
        JOIN service_records sv ON sv.vehicle_id = v2.id
        WHERE v2.customer_id = d.customer_id AND sv.performed_at <= ${T}
          AND (sv.performed_at AT TIME ZONE ${TZ})::date
            >= ${TODAY} - make_interval(months => $12::int))`);
  }

  return parts.length > 0 ? parts.join("\n    AND ") : null;
}
