import { DomainError } from "./errors.ts";

const MAX_DEPTH = 32;
const loneSurrogate =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Finds the first string in a raw input that PostgreSQL cannot store: one
 * with a NUL character or a lone UTF-16 surrogate. Such text would fail deep
 * inside a query (or a password hash) instead of at the edge.
 */
export function findMalformedText(
  value: unknown,
  path: string[] = [],
): string | undefined {
  if (typeof value === "string") {
    const isMalformed = value.includes("\u0000") || loneSurrogate.test(value);

    return isMalformed ? path.join(".") || "input" : undefined;
  }
  if (typeof value !== "object" || value === null || path.length > MAX_DEPTH) {
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    const found = findMalformedText(item, [...path, key]);
    if (found !== undefined) {
      return found;
    }
  }

  return undefined;
}

export function assertWellFormedText(input: unknown) {
  const field = findMalformedText(input);
  if (field !== undefined) {
    throw new DomainError(
      "INVALID_INPUT",
      "text must not contain NUL characters or broken Unicode",
      field,
    );
  }
}
