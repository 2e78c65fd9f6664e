import type { Database, Prisma } from "@rally/db";

import { DomainError } from "../../errors.ts";
import {
  assertServiceTypeExists,
  loadRuleCriteria,
  type CohortCriteria,
  type CohortQuery,
} from "./criteria.ts";
import { defaultMilesPerDay } from "./mileage.ts";
import { loadShopCalendar } from "./shop.ts";
import {
  classifiedCtes,
  cohortParams,
  daysOverdueOf,
  dueAtOf,
  withoutJit,
} from "./sql.ts";

export const exclusionReasons = [
  "filters",
  "booked",
  "unreachable",
  "alreadyEmailed",
  "recentlyEmailed",
] as const;

export type ExclusionReason = (typeof exclusionReasons)[number];

export interface CohortPageCursor {
  dueDate: string;
  vehicleId: number;
}

export interface PreviewInput {
  target: { ruleId: number } | { criteria: CohortCriteria };
  asOf: Date;
  cursor?: CohortPageCursor | undefined;
  limit: number;
}

interface PreviewRow {
  counts: { reason: ExclusionReason | null; count: number }[];
  /** Distinct owners of the eligible vehicles: one email each. */
  customers: number;
  items: PreviewItemRow[];
}

interface PreviewItemRow {
  vehicleId: number;
  make: string;
  model: string;
  year: number;
  customerId: number;
  firstName: string;
  lastName: string;
  email: string;
  lastServiceAt: string | null;
  dueDate: string;
  dueAt: string;
  daysOverdue: number;
  estimatedMileage: number | null;
  declinedItems: DeclinedItem[] | null;
}

/** What the owner declined at the visit a declined-work reminder is about. */
export interface DeclinedItem {
  serviceTypeId: number;
  name: string;
  priceCents: number;
}

/**
 * The cohort at `asOf` in one query: how many vehicles are due, how many of
 * them each condition left out (each vehicle counted once, under the first
 * condition it fails in the order of `exclusionReasons`), and a page of the
 * eligible ones, most overdue first.
 */
export async function previewCohort(db: Database, input: PreviewInput) {
  const query = await cohortQueryFor(db.prisma, input.target, input.asOf);
  const params = [
    ...cohortParams(query),
    input.cursor?.dueDate ?? null,
    input.cursor?.vehicleId ?? null,
    input.limit + 1,
  ];
  const rows = await queryWithoutJit<PreviewRow>(db, previewSql(query), params);
  const row = rows[0] ?? { counts: [], customers: 0, items: [] };
  const hasMore = row.items.length > input.limit;
  const items = row.items.slice(0, input.limit).map(toPreviewItem);
  const last = items.at(-1);

  return {
    asOf: query.asOf,
    timeZone: query.timeZone,
    ...summarise(row.counts),
    customers: row.customers,
    items,
    nextCursor:
      hasMore && last ? `${last.dueDate}.${last.vehicle.id}` : undefined,
  };
}

/**
 * Runs one cohort query in its own transaction with JIT off, on a raw
 * connection: Prisma's transactions end after 5 s, which a preview at a
 * million vehicles can take on a busy machine.
 */
export function queryWithoutJit<Row>(
  db: Database,
  text: string,
  params: unknown[],
) {
  return db.session(async (sql) => {
    await sql.exec(`BEGIN; ${withoutJit}`);
    try {
      return await sql.query<Row>(text, params);
    } finally {
      await sql.exec("COMMIT");
    }
  });
}

export async function cohortQueryFor(
  prisma: Prisma.TransactionClient,
  target: PreviewInput["target"],
  asOf: Date,
): Promise<CohortQuery> {
  const isSaved = "ruleId" in target;
  const [criteria, calendar] = await Promise.all([
    isSaved ? loadRuleCriteria(prisma, target.ruleId) : target.criteria,
    loadShopCalendar(prisma),
  ]);
  if (!isSaved) {
    await assertServiceTypeExists(prisma, criteria.serviceTypeId);
  }

  return {
    criteria,
    ruleId: isSaved ? target.ruleId : null,
    asOf,
    ...calendar,
  };
}

export function parseCohortCursor(cursor: string): CohortPageCursor {
  const match = /^(\d{4}-\d{2}-\d{2})\.(\d{1,10})$/.exec(cursor);
  if (!match) {
    throw new DomainError(
      "INVALID_INPUT",
      `cursor ${cursor} is not one this procedure returned`,
      "cursor",
    );
  }

  return { dueDate: match[1]!, vehicleId: Number(match[2]) };
}

function summarise(counts: PreviewRow["counts"]) {
  const excluded = Object.fromEntries(
    exclusionReasons.map((reason) => [reason, 0]),
  ) as Record<ExclusionReason, number>;
  let eligible = 0;
  for (const { reason, count } of counts) {
    if (reason === null) {
      eligible = count;
    } else {
      excluded[reason] = count;
    }
  }
  const due = eligible + Object.values(excluded).reduce((a, b) => a + b, 0);

  return { total: eligible, due, excluded };
}

function toPreviewItem(row: PreviewItemRow) {
  return {
    vehicle: {
      id: row.vehicleId,
      make: row.make,
      model: row.model,
      year: row.year,
      estimatedMileage: row.estimatedMileage,
    },
    customer: {
      id: row.customerId,
      firstName: row.firstName,
      lastName: row.lastName,
      email: row.email,
    },
    lastServiceAt: row.lastServiceAt ? new Date(row.lastServiceAt) : null,
    dueDate: row.dueDate,
    dueAt: new Date(row.dueAt),
    daysOverdue: row.daysOverdue,
    declinedItems: row.declinedItems,
  };
}

/** $14/$15 the cursor (due date, vehicle id), $16 the page size plus one. */
function previewSql(query: CohortQuery): string {
  return `WITH ${classifiedCtes(query)},
counts AS (
  SELECT excluded_by AS reason, count(*)::int AS count
  FROM classified GROUP BY excluded_by
),
page AS (
  SELECT * FROM classified
  WHERE excluded_by IS NULL AND ($14::date IS NULL
    OR (due_date, vehicle_id) > ($14::date, $15::int))
  ORDER BY due_date, vehicle_id
  LIMIT $16::int
),
items AS (
  SELECT p.vehicle_id AS "vehicleId", v.make, v.model, v.year,
    p.customer_id AS "customerId", c.first_name AS "firstName",
    c.last_name AS "lastName", c.email,
    p.last_service_at AS "lastServiceAt", p.due_date AS "dueDate",
    ${dueAtOf("p.due_date")} AS "dueAt",
    ${daysOverdueOf("p.due_date")} AS "daysOverdue",
    ${estimatedMileageSql()} AS "estimatedMileage",
    ${query.criteria.kind === "DECLINED_WORK" ? declinedItemsSql() : "NULL"}
      AS "declinedItems"
  FROM page p JOIN customers c ON c.id = p.customer_id
  JOIN vehicles v ON v.id = p.vehicle_id
)
SELECT
  (SELECT coalesce(json_agg(counts), '[]'::json) FROM counts) AS counts,
  (SELECT count(DISTINCT customer_id)::int FROM classified
    WHERE excluded_by IS NULL) AS customers,
  (SELECT coalesce(json_agg(items ORDER BY "dueDate", "vehicleId"),
    '[]'::json) FROM items) AS items`;
}

/** The items declined at the visit the reminder counts from. */
function declinedItemsSql(): string {
  return `(SELECT json_agg(json_build_object('serviceTypeId', st.id,
      'name', st.name, 'priceCents', ds.price_cents) ORDER BY ds.id)
    FROM service_records sr
    JOIN declined_services ds ON ds.service_record_id = sr.id
    JOIN service_types st ON st.id = ds.service_type_id
    WHERE sr.vehicle_id = p.vehicle_id
      AND sr.performed_at = p.last_service_at)`;
}

/** The same estimate as `estimateMileage` in mileage.ts, for one page. */
function estimatedMileageSql(): string {
  return `(SELECT CASE WHEN m.last_odometer IS NULL THEN NULL
      ELSE m.last_odometer + round(
        CASE WHEN m.last_day > m.first_day
          AND m.last_odometer >= m.first_odometer
        THEN (m.last_odometer - m.first_odometer)::numeric
          * (($1::timestamptz AT TIME ZONE $2::text)::date - m.last_day)
          / (m.last_day - m.first_day)
        ELSE ${defaultMilesPerDay}::numeric
          * (($1::timestamptz AT TIME ZONE $2::text)::date - m.last_day)
        END)::int END
    FROM (
      SELECT min(r.day) AS first_day, max(r.day) AS last_day,
        (array_agg(r.odometer ORDER BY r.performed_at, r.odometer))[1]
          AS first_odometer,
        (array_agg(r.odometer ORDER BY r.performed_at DESC,
          r.odometer DESC))[1] AS last_odometer
      FROM (
        SELECT sr.performed_at, sr.odometer,
          (sr.performed_at AT TIME ZONE $2::text)::date AS day
        FROM service_records sr
        WHERE sr.vehicle_id = p.vehicle_id AND sr.odometer IS NOT NULL
          AND sr.performed_at <= $1::timestamptz
      ) r
    ) m)`;
}
