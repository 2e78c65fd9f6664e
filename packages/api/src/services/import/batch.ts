import type { Prisma } from "@rally/db";

import type { ImportKind } from "./fields.ts";
import type { RowIssue } from "./mapping.ts";
import {
  idsByExternalId,
  ownersOfVins,
  upsertRows,
  type UpsertColumn,
} from "./upsert.ts";

export interface ReadRow {
  line: number;
  values: Record<string, unknown>;
}

export interface BatchInput {
  tx: Prisma.TransactionClient;
  rows: ReadRow[];
  /** Fields that have a column in the file; the others are left untouched. */
  mapped: Set<string>;
  now: Date;
}

export interface BatchResult {
  created: number;
  updated: number;
  issues: RowIssue[];
}

type Column = UpsertColumn & { field: string };

const columnsByKind: Record<ImportKind, Column[]> = {
  customers: [
    { field: "externalId", column: "external_id", type: "text" },
    { field: "firstName", column: "first_name", type: "text" },
    { field: "lastName", column: "last_name", type: "text" },
    { field: "email", column: "email", type: "text" },
    { field: "phone", column: "phone", type: "text" },
  ],
  vehicles: [
    { field: "externalId", column: "external_id", type: "text" },
    { field: "customerId", column: "customer_id", type: "int" },
    { field: "vin", column: "vin", type: "text" },
    { field: "make", column: "make", type: "text" },
    { field: "model", column: "model", type: "text" },
    { field: "year", column: "year", type: "int" },
    { field: "status", column: "status", type: "vehicle_status" },
  ],
  serviceRecords: [
    { field: "externalId", column: "external_id", type: "text" },
    { field: "vehicleId", column: "vehicle_id", type: "int" },
    { field: "service", column: "service_type_id", type: "int" },
    { field: "performedAt", column: "performed_at", type: "timestamptz" },
    { field: "odometer", column: "odometer", type: "int" },
    { field: "notes", column: "notes", type: "text" },
  ],
  appointments: [
    { field: "externalId", column: "external_id", type: "text" },
    { field: "vehicleId", column: "vehicle_id", type: "int" },
    { field: "service", column: "service_type_id", type: "int" },
    { field: "scheduledFor", column: "scheduled_for", type: "timestamptz" },
    { field: "status", column: "status", type: "appointment_status" },
    { field: "notes", column: "notes", type: "text" },
    { field: "source", column: "source", type: "appointment_source" },
  ],
};

const tables: Record<ImportKind, string> = {
  customers: "customers",
  vehicles: "vehicles",
  serviceRecords: "service_records",
  appointments: "appointments",
};

/** Resolves references, then upserts the rows that are still good. */
export async function applyBatch(kind: ImportKind, input: BatchInput) {
  const issues: RowIssue[] = [];
  const rows = withoutDuplicates(input.rows, issues);
  const resolved =
    kind === "customers"
      ? rows
      : kind === "vehicles"
        ? await resolveVehicles(input, rows, issues)
        : await resolveVehicleRefs(input, rows, issues);
  const mapped = new Set([
    ...input.mapped,
    "customerId",
    "vehicleId",
    "source",
  ]);
  const columns = columnsByKind[kind].filter((c) => mapped.has(c.field));
  const records = resolved.map((row) =>
    Object.fromEntries(
      columns.map((c) => [c.column, toJson(row.values[c.field])]),
    ),
  );
  const counts = await upsertRows(input.tx, tables[kind], columns, records, {
    now: input.now,
    hasUpdatedAt: kind !== "serviceRecords",
  });

  return { ...counts, issues } satisfies BatchResult;
}

function toJson(value: unknown) {
  return value instanceof Date ? value.toISOString() : (value ?? null);
}

/** A second row with the same external id in one batch is reported. */
function withoutDuplicates(rows: ReadRow[], issues: RowIssue[]) {
  const firstLine = new Map<unknown, number>();

  return rows.filter((row) => {
    const id = row.values.externalId;
    const seenAt = firstLine.get(id);
    if (seenAt !== undefined) {
      issues.push({
        line: row.line,
        field: "externalId",
        reason: `"${String(id)}" already appears on line ${seenAt}`,
      });

      return false;
    }
    firstLine.set(id, row.line);

    return true;
  });
}

async function resolveVehicles(
  input: BatchInput,
  rows: ReadRow[],
  issues: RowIssue[],
) {
  const customers = await idsByExternalId(
    input.tx,
    "customers",
    rows.map((row) => String(row.values.customerExternalId)),
  );
  const vins = rows.flatMap((row) =>
    typeof row.values.vin === "string" ? [row.values.vin] : [],
  );
  const vinOwners = await ownersOfVins(input.tx, vins);

  return rows.filter((row) => {
    const ref = String(row.values.customerExternalId);
    const customerId = customers.get(ref);
    if (customerId === undefined) {
      issues.push(missing(row, "customerExternalId", "customer", ref));

      return false;
    }
    const vin = row.values.vin;
    const owner = typeof vin === "string" ? vinOwners.get(vin) : undefined;
    if (owner !== undefined && owner !== row.values.externalId) {
      issues.push({
        line: row.line,
        field: "vin",
        reason: `VIN ${String(vin)} belongs to vehicle ${owner ?? "entered in Rally"}`,
      });

      return false;
    }
    if (typeof vin === "string") {
      vinOwners.set(vin, String(row.values.externalId));
    }
    row.values.customerId = customerId;

    return true;
  });
}

async function resolveVehicleRefs(
  input: BatchInput,
  rows: ReadRow[],
  issues: RowIssue[],
) {
  const vehicles = await idsByExternalId(
    input.tx,
    "vehicles",
    rows.map((row) => String(row.values.vehicleExternalId)),
  );

  return rows.filter((row) => {
    const ref = String(row.values.vehicleExternalId);
    const vehicleId = vehicles.get(ref);
    if (vehicleId === undefined) {
      issues.push(missing(row, "vehicleExternalId", "vehicle", ref));

      return false;
    }
    row.values.vehicleId = vehicleId;
    row.values.source = "IMPORT";

    return true;
  });
}

function missing(row: ReadRow, field: string, what: string, ref: string) {
  return {
    line: row.line,
    field,
    reason: `${what} "${ref}" is neither in Rally nor imported yet`,
  };
}
