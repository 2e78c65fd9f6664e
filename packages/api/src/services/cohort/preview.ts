import type { Database, Prisma, SqlRunner } from "@rally/db";

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
  classification,
  cohortParams,
  daysOverdueOf,
  dueAtOf,
  dueCtes,
  emailedJoin,
  exclusions,
  isTimeOnly,
  readsHistorySql,
  withoutJit,
  type CohortShape,
} from "./sql.ts";

export const exclusionReasons = [
  "filters",
  "booked",
  "unreachable",
  "alreadyEmailed",
  "recentlyEmailed",
] as const;

export type ExclusionReason = (typeof exclusionReasons)[number];

/** Where a page resumes: after this vehicle, in page order. */
export interface CohortPageCursor {
  dueDate: string;
  anchorAt: Date;
  vehicleId: number;
}

export interface PreviewInput {
  target: { ruleId: number } | { criteria: CohortCriteria };
  asOf: Date;
  cursor?: CohortPageCursor | undefined;
  limit: number;
}

type PreviewCounts = Record<ExclusionReason | "eligible" | "customers", number>;

interface PreviewRow {
  counts: PreviewCounts;
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
  anchorAt: string;
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
 * The cohort at `asOf` in one statement: how many vehicles are due, how
 * many of them each condition left out (each vehicle counted once, under
 * the first condition it fails in the order of `exclusionReasons`), and a
 * page of the eligible ones, most overdue first (then by the date they
 * count from, then by id).
 */
export async function previewCohort(db: Database, input: PreviewInput) {
  const query = await cohortQueryFor(db.prisma, input.target, input.asOf);
  const params = [
    ...cohortParams(query),
    input.cursor?.dueDate ?? null,
    input.cursor?.anchorAt.toISOString() ?? null,
    input.cursor?.vehicleId ?? null,
    input.limit + 1,
  ];
  const rows = await db.session(async (sql) => {
    // One snapshot for the probe that picks the statement's shape and the
    // statement itself.
    await sql.exec(
      `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; ${withoutJit}`,
    );
    try {
      const shape = await cohortShape(sql, query);

      return await sql.query<PreviewRow>(previewSql(query, shape), params);
    } finally {
      await sql.exec("COMMIT");
    }
  });
  const row = rows[0];
  const hasMore = (row?.items.length ?? 0) > input.limit;
  const itemRows = row?.items.slice(0, input.limit) ?? [];
  const last = itemRows.at(-1);

  return {
    asOf: query.asOf,
    timeZone: query.timeZone,
    ...summarise(row?.counts),
    items: itemRows.map(toPreviewItem),
    nextCursor:
      hasMore && last
        ? `${last.dueDate}.${Date.parse(last.anchorAt)}.${last.vehicleId}`
        : undefined,
  };
}

/** Whether this evaluation must read history: see `CohortShape`. */
export async function cohortShape(
  sql: Pick<SqlRunner, "query">,
  query: CohortQuery,
): Promise<CohortShape> {
  if (query.criteria.kind === "DECLINED_WORK") {
    return { readsHistory: false };
  }
  const rows = await sql.query<CohortShape>(readsHistorySql, [
    query.criteria.serviceTypeId,
    query.asOf.toISOString(),
  ]);

  return { readsHistory: rows[0]?.readsHistory ?? true };
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
  const match = /^(\d{4}-\d{2}-\d{2})\.(\d{1,15})\.(\d{1,10})$/.exec(cursor);
  const anchorAt = match ? new Date(Number(match[2])) : null;
  if (!match || !anchorAt || Number.isNaN(anchorAt.getTime())) {
    throw new DomainError(
      "INVALID_INPUT",
      `cursor ${cursor} is not one this procedure returned`,
      "cursor",
    );
  }

  return { dueDate: match[1]!, anchorAt, vehicleId: Number(match[3]) };
}

function summarise(counts: PreviewCounts | undefined) {
  const excluded = Object.fromEntries(
    exclusionReasons.map((reason) => [reason, counts?.[reason] ?? 0]),
  ) as Record<ExclusionReason, number>;
  const eligible = counts?.eligible ?? 0;
  const due = eligible + Object.values(excluded).reduce((a, b) => a + b, 0);

  return { total: eligible, due, excluded, customers: counts?.customers ?? 0 };
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

const itemColumns: Record<string, string> = {
  "d.due_date": '"dueDate"',
  "d.anchor_at": '"anchorAt"',
  "d.vehicle_id": '"vehicleId"',
};

/**
 * $14 to $16 the cursor (due date, anchor, vehicle id), $17 the page size
 * plus one. The counts classify every due vehicle in one pass. For a
 * time-only rule the page keeps vehicles one at a time, reading the index
 * in page order and stopping after its last row; other rules have worked
 * out every due date already, so their page sorts the classified rows.
 */
function previewSql(query: CohortQuery, shape: CohortShape): string {
  const timeOnly = isTimeOnly(query);
  // For a time-only rule the due date never falls as the anchor grows, so
  // (anchor, id) is the page order and an index range.
  const order = timeOnly
    ? ["d.anchor_at", "d.vehicle_id"]
    : ["d.due_date", "d.anchor_at", "d.vehicle_id"];
  const after = timeOnly
    ? ["$15::timestamptz", "$16::int"]
    : ["$14::date", "$15::timestamptz", "$16::int"];
  const counted = ["eligible", ...exclusionReasons].map((reason) =>
    reason === "eligible"
      ? `'eligible', count(*) FILTER (WHERE reason IS NULL)`
      : `'${reason}', count(*) FILTER (WHERE reason = '${reason}')`,
  );
  const pageFilter = timeOnly
    ? exclusions(query)
        .map((x) => x.keeps)
        .join("\n    AND ")
    : `${classification(query)} IS NULL`;

  return `WITH ${dueCtes(query, shape)},
page_params AS (SELECT $14::date, $15::timestamptz, $16::int, $17::int),
counts AS (
  SELECT json_build_object(${counted.join(",\n    ")},
    'customers', count(DISTINCT customer_id) FILTER (WHERE reason IS NULL))
    AS counts
  FROM (
    SELECT d.customer_id, ${classification(query)} AS reason
    FROM due d ${emailedJoin}
    -- Classifies each row once, not once per count.
    OFFSET 0
  ) classified
),
page AS (
  SELECT d.vehicle_id, d.customer_id, d.last_service_at, d.anchor_at,
    d.due_date
  FROM due d ${timeOnly ? "" : emailedJoin}
  WHERE ${pageFilter}
    AND ($16::int IS NULL OR (${order.join(", ")}) > (${after.join(", ")}))
  ORDER BY ${order.join(", ")}
  LIMIT $17::int
),
items AS (
  SELECT p.vehicle_id AS "vehicleId", v.make, v.model, v.year,
    p.customer_id AS "customerId", c.first_name AS "firstName",
    c.last_name AS "lastName", c.email,
    p.last_service_at AS "lastServiceAt", p.anchor_at AS "anchorAt",
    p.due_date AS "dueDate", ${dueAtOf("p.due_date")} AS "dueAt",
    ${daysOverdueOf("p.due_date")} AS "daysOverdue",
    ${estimatedMileageSql()} AS "estimatedMileage",
    ${query.criteria.kind === "DECLINED_WORK" ? declinedItemsSql() : "NULL"}
      AS "declinedItems"
  FROM page p JOIN customers c ON c.id = p.customer_id
  JOIN vehicles v ON v.id = p.vehicle_id
)
SELECT (SELECT counts FROM counts) AS counts,
  (SELECT coalesce(json_agg(items ORDER BY ${order
    .map((column) => itemColumns[column])
    .join(", ")}), '[]'::json) FROM items) AS items`;
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
