import { DomainError } from "../../errors.ts";
import { detectDelimiter, readHeader } from "./csv.ts";
import { fieldsByKind, type ImportKind } from "./fields.ts";
import { resolveMapping } from "./mapping.ts";

/**
 * Reads the header from the start of a file and guesses each field's
 * column, as import.start would. A required field without a guess is no
 * error here: the person importing picks its column before starting.
 */
export function inspectImport(kind: ImportKind, head: string) {
  const text = head.replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(text);
  const headers = readHeader(firstLine(text), delimiter);
  if (headers.length === 0) {
    throw new DomainError(
      "INVALID_INPUT",
      "the file has no header row",
      "content",
    );
  }
  const specs = fieldsByKind[kind];
  const guesses = resolveMapping(
    specs.map((spec) => ({ ...spec, isRequired: false })),
    headers,
  );

  return {
    headers,
    delimiter,
    mapping: guesses.mapping,
    fields: specs.map((spec) => ({
      name: spec.name,
      isRequired: spec.isRequired,
    })),
  };
}

/** Up to the first line break outside quotes, so a cut-off row cannot hide it. */
function firstLine(text: string) {
  let isQuoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') {
      isQuoted = !isQuoted;
    } else if (!isQuoted && (char === "\n" || char === "\r")) {
      return text.slice(0, index);
    }
  }

  return text;
}
