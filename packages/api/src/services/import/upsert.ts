import type { Prisma } from "@rally/db";

export interface UpsertColumn {
  column: string;
  type: string;
}

/**
 * One statement per batch: insert new external ids, update rows whose
 * values differ, and leave identical rows alone, so re-importing a file
 * writes nothing. The rows travel as one JSON parameter, which every driver
 * passes the same way, whatever the batch size.
 *
 * Rows written here record no customer.changed or vehicle.changed events;
 * the console refetches what a kind of import may have changed when its
 * last import.progress event arrives.
 */
export async function upsertRows(
  tx: Prisma.TransactionClient,
  table: string,
  columns: UpsertColumn[],
  rows: Record<string, unknown>[],
  options: { now: Date; hasUpdatedAt: boolean },
) {
  if (rows.length === 0) {
    return { created: 0, updated: 0 };
  }
  const names = columns.map((c) => c.column);
  const changing = names.filter((name) => name !== "external_id");
  const stamps = options.hasUpdatedAt
    ? ["created_at", "updated_at"]
    : ["created_at"];
  const sets = changing.map((name) => `${name} = EXCLUDED.${name}`);
  if (options.hasUpdatedAt) {
    sets.push("updated_at = EXCLUDED.updated_at");
  }
  const result = await tx.$queryRawUnsafe<{ is_created: boolean }[]>(
    `INSERT INTO ${table} (${[...names, ...stamps].join(", ")})
     SELECT ${[...names.map((n) => `u.${n}`), ...stamps.map(() => "$2::timestamptz")].join(", ")}
     FROM json_to_recordset($1::json)
       AS u(${columns.map((c) => `${c.column} ${c.type}`).join(", ")})
     ON CONFLICT (external_id) DO UPDATE SET ${sets.join(", ")}
     WHERE (${changing.map((n) => `${table}.${n}`).join(", ")})
       IS DISTINCT FROM (${changing.map((n) => `EXCLUDED.${n}`).join(", ")})
     RETURNING (xmax = 0) AS is_created`,
    JSON.stringify(rows),
    options.now.toISOString(),
  );
  const created = result.filter((row) => row.is_created).length;

  return { created, updated: result.length - created };
}

/** External id → id for the rows of `table` named in `externalIds`. */
export async function idsByExternalId(
  tx: Prisma.TransactionClient,
  table: "customers" | "vehicles",
  externalIds: string[],
) {
  const rows = await tx.$queryRawUnsafe<{ id: number; external_id: string }[]>(
    `SELECT id, external_id FROM ${table}
     WHERE external_id IN (SELECT json_array_elements_text($1::json))`,
    JSON.stringify([...new Set(externalIds)]),
  );

  return new Map(rows.map((row) => [row.external_id, row.id]));
}

/** VIN → the external id of the vehicle that has it. */
export async function ownersOfVins(
  tx: Prisma.TransactionClient,
  vins: string[],
) {
  const rows = await tx.$queryRawUnsafe<
    { vin: string; external_id: string | null }[]
  >(
    `SELECT vin, external_id FROM vehicles
     WHERE vin IN (SELECT json_array_elements_text($1::json))`,
    JSON.stringify([...new Set(vins)]),
  );

  return new Map(rows.map((row) => [row.vin, row.external_id]));
}
