import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";

/**
 * Every failure a service reports on purpose. The message names the
 * offending value; `field` names the input it came from, when there is one.
 */
export type DomainErrorCode =
  | "NOT_FOUND"
  | "CONFLICT"
  | "INVALID_INPUT"
  | "INVALID_STATE"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "RATE_LIMITED";

export class DomainError extends Error {
  override readonly name = "DomainError";

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The one place domain codes become tRPC codes; the compiler checks it is total. */
export const trpcCodeFor = {
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  INVALID_INPUT: "BAD_REQUEST",
  INVALID_STATE: "CONFLICT",
  UNAUTHENTICATED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
} as const satisfies Record<DomainErrorCode, TRPC_ERROR_CODE_KEY>;

export function notFound(what: string, id: unknown, field?: string) {
  return new DomainError(
    "NOT_FOUND",
    `${what} ${String(id)} does not exist`,
    field,
  );
}
