import type { Readable } from "node:stream";

import { CsvError, parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";

/** Opens the file afresh: an import reads it twice (check, then load). */
export type CsvSource = () => Readable;

export interface CsvRow {
  /** The line the row ends on, counting from 1 (the header is line 1). */
  line: number;
  values: string[];
}

/** The start of the file: enough for its header line. */
export async function readHead(source: CsvSource) {
  const stream = source();
  let head = "";
  try {
    for await (const chunk of stream) {
      head += String(chunk);
      if (head.includes("\n") || head.length > 65_536) {
        break;
      }
    }
  } finally {
    stream.destroy();
  }

  return head.replace(/^\uFEFF/, "");
}

/**
 * Picks `;`, `,` or a tab by counting them, outside quotes, in the first
 * line. Spreadsheets in Europe export with `;` because `,` is their decimal
 * separator.
 */
export function detectDelimiter(head: string) {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let isQuoted = false;
  for (const char of head.split(/\r?\n/)[0] ?? "") {
    if (char === '"') {
      isQuoted = !isQuoted;
    } else if (!isQuoted && char in counts) {
      counts[char as keyof typeof counts] += 1;
    }
  }
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;

  return best[1] > 0 ? best[0] : ",";
}

/** The header row, read from the head alone so a broken body cannot hide it. */
export function readHeader(head: string, delimiter: string) {
  try {
    const [header] = parseSync(head, {
      delimiter,
      to: 1,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];

    return header ?? [];
  } catch (error) {
    const broken = structuralError(error);
    if (!broken) {
      throw error;
    }

    return [];
  }
}

/** Rows as they stream in, with the line each ends on. */
export async function* readRows(
  source: CsvSource,
  delimiter: string,
): AsyncGenerator<CsvRow> {
  const parser = source().pipe(
    parse({
      bom: true,
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
    }),
  );
  for await (const item of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    yield { line: item.info.lines, values: item.record };
  }
}

/** A problem that stops the parser: it can no longer tell where rows end. */
export function structuralError(error: unknown) {
  if (!(error instanceof CsvError)) {
    return undefined;
  }
  const line = (error as CsvError & { lines?: number }).lines;
  const isCutOff = error.code === "CSV_QUOTE_NOT_CLOSED";

  return {
    line: line ?? 0,
    reason: isCutOff
      ? "a quoted field is never closed: the file looks cut off or malformed"
      : error.message,
  };
}
