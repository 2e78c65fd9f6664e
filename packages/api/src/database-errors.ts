import { DomainError } from "./errors.ts";

interface PostgresFailure {
  sqlState: string;
  message: string;
  detail?: string;
  fields?: string[];
}

/**
 * Constraint violations that reach a procedure are the caller's doing (a
 * duplicate key, a missing related row), never an internal error. Prisma
 * reports them as P2002/P2003 through adapter-pg and as a raw
 * DriverAdapterError through the PGlite adapter; both carry the SQLSTATE.
 */
export function fromDatabaseError(error: unknown): DomainError | undefined {
  if (isRecordNotFound(error)) {
    return new DomainError("NOT_FOUND", "the record does not exist");
  }
  const failure = postgresFailureOf(error);
  if (!failure) {
    return undefined;
  }
  const field = failure.fields?.join(", ") ?? keyColumnsOf(failure.detail);
  switch (failure.sqlState) {
    case "23505":
      return new DomainError(
        "CONFLICT",
        `a record with this ${field ?? "key"} already exists`,
        field,
      );
    case "23503":
      return new DomainError(
        "NOT_FOUND",
        `the ${field ?? "related record"} does not exist`,
        field,
      );
    case "22021":
    case "22P05":
      // A NUL or unencodable character in text: the caller's doing.
      return new DomainError(
        "INVALID_INPUT",
        "text contains a character that cannot be stored (such as NUL)",
        field,
      );
    case "22001":
    case "22003":
    case "23502":
    case "23514":
      return new DomainError("INVALID_INPUT", failure.message, field);
    default:
      return undefined;
  }
}

function isRecordNotFound(error: unknown) {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { code?: unknown }).code === "P2025"
  );
}

function postgresFailureOf(error: unknown): PostgresFailure | undefined {
  if (typeof error !== "object" || error === null) {
    return undefined;
  }
  const fromMeta = (error as { meta?: { driverAdapterError?: unknown } }).meta
    ?.driverAdapterError as
    | {
        cause?: {
          originalCode?: string;
          originalMessage?: string;
          constraint?: { fields?: string[] };
        };
      }
    | undefined;
  if (fromMeta?.cause?.originalCode) {
    return {
      sqlState: fromMeta.cause.originalCode,
      message: fromMeta.cause.originalMessage ?? "invalid value",
      fields: fromMeta.cause.constraint?.fields,
    };
  }
  const cause = (error as { cause?: unknown }).cause as
    | { kind?: string; code?: string; message?: string; detail?: string }
    | undefined;
  if (cause?.kind === "postgres" && cause.code) {
    return {
      sqlState: cause.code,
      message: cause.message ?? "invalid value",
      detail: cause.detail,
    };
  }

  return undefined;
}

/** "Key (customer_id)=(999) is not present…" → "customerId". */
function keyColumnsOf(detail: string | undefined) {
  const columns = detail?.match(/^Key \(([^)]+)\)=/)?.[1];

  return columns
    ?.split(",")
    .map((column) =>
      column
        .trim()
        .replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()),
    )
    .join(", ");
}
