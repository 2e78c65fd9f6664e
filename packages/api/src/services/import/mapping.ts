import { DomainError } from "../../errors.ts";
import type { CsvRow } from "./csv.ts";
import { FieldError, type FieldContext, type FieldSpec } from "./fields.ts";

/** Field name → the header of the column it is read from. */
export type ColumnMapping = Record<string, string>;

export function normalizeHeader(header: string) {
  return header.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * The mapping the import uses: the caller's choices, and for every other
 * field the first header that is one of its known names. A field the
 * caller maps to "" is left unread, even when a header would match it.
 */
export function resolveMapping(
  specs: FieldSpec[],
  headers: string[],
  explicit: ColumnMapping = {},
) {
  const known = new Set(specs.map((spec) => spec.name));
  for (const [fieldName, header] of Object.entries(explicit)) {
    if (!known.has(fieldName)) {
      throw new DomainError(
        "INVALID_INPUT",
        `"${fieldName}" is not a field of this import (${[...known].join(", ")})`,
        `mapping.${fieldName}`,
      );
    }
    if (header !== "" && !headers.includes(header)) {
      throw new DomainError(
        "INVALID_INPUT",
        `the file has no column "${header}" (it has ${headers.join(", ")})`,
        `mapping.${fieldName}`,
      );
    }
  }
  const mapping: ColumnMapping = Object.fromEntries(
    Object.entries(explicit).filter(([, header]) => header !== ""),
  );
  const used = new Set(Object.values(mapping));
  const normalized = headers.map(normalizeHeader);
  for (const spec of specs) {
    if (mapping[spec.name] || explicit[spec.name] === "") {
      continue;
    }
    const alias = spec.aliases.find((name) => {
      const index = normalized.indexOf(name);

      return index >= 0 && !used.has(headers[index]!);
    });
    if (alias !== undefined) {
      const header = headers[normalized.indexOf(alias)]!;
      mapping[spec.name] = header;
      used.add(header);
    }
  }
  const missing = specs.find((spec) => spec.isRequired && !mapping[spec.name]);
  if (missing) {
    throw new DomainError(
      "INVALID_INPUT",
      `no column for the required field "${missing.name}"; map one of ${headers.join(", ")}`,
      `mapping.${missing.name}`,
    );
  }

  return {
    mapping,
    ignoredColumns: headers.filter((header) => !used.has(header)),
  };
}

export interface RowIssue {
  line: number;
  field: string;
  reason: string;
}

/** Reads one row into field values, or says what is wrong with it. */
export function readRow(
  row: CsvRow,
  columns: { spec: FieldSpec; index: number }[],
  headerCount: number,
  ctx: FieldContext,
): { values: Record<string, unknown> } | { issue: RowIssue } {
  if (row.values.length !== headerCount) {
    return {
      issue: {
        line: row.line,
        field: "row",
        reason: `has ${row.values.length} fields where the header has ${headerCount}; the row is cut off or has stray delimiters`,
      },
    };
  }
  const values: Record<string, unknown> = {};
  for (const { spec, index } of columns) {
    const raw = row.values[index] ?? "";
    try {
      values[spec.name] = readValue(spec, raw, ctx);
    } catch (error) {
      const reason = (error as Error).message;
      const field = error instanceof FieldError ? error.field : spec.name;

      return { issue: { line: row.line, field, reason } };
    }
  }

  return { values };
}

function readValue(spec: FieldSpec, raw: string, ctx: FieldContext) {
  if (raw === "") {
    if (spec.isRequired) {
      throw new Error("is required");
    }

    return null;
  }

  return spec.parse(raw, ctx);
}
