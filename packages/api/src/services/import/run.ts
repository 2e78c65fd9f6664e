import type { Database } from "@rally/db";
import type { Logger } from "pino";

import type { Clock } from "../../clock.ts";
import { DomainError } from "../../errors.ts";
import { applyBatch, type ReadRow } from "./batch.ts";
import {
  type CsvSource,
  detectDelimiter,
  readHead,
  readHeader,
  readRows,
  structuralError,
} from "./csv.ts";
import { createDateParser, type DateOrder } from "./dates.ts";
import { fieldsByKind, type FieldContext, type ImportKind } from "./fields.ts";
import { createJob, keepIssue, saveProgress } from "./jobs.ts";
import {
  type ColumnMapping,
  readRow,
  resolveMapping,
  type RowIssue,
} from "./mapping.ts";
import { createServiceMatcher } from "./services.ts";

export interface ImportDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
}

export interface ImportInput {
  kind: ImportKind;
  fileName: string;
  source: CsvSource;
  mapping?: ColumnMapping | undefined;
  isDryRun?: boolean | undefined;
  dateOrder?: DateOrder | undefined;
}

/** Rows per transaction. */
const batchSize = 1_000;
/** Progress is saved and pushed every this many batches. */
const batchesPerProgress = 5;

/** Reads the header and settles the mapping; bad mappings fail here. */
export async function prepareImport(input: ImportInput) {
  const head = await readHead(input.source);
  const delimiter = detectDelimiter(head);
  const header = readHeader(head, delimiter);
  if (header.length === 0) {
    throw new DomainError(
      "INVALID_INPUT",
      "the file has no header row",
      "content",
    );
  }
  const specs = fieldsByKind[input.kind];

  return {
    delimiter,
    header,
    ...resolveMapping(specs, header, input.mapping),
  };
}

/**
 * Creates the job and loads the file in the background; progress arrives as
 * `import.progress` events and in the job row.
 */
export async function startImport(deps: ImportDeps, input: ImportInput) {
  const prepared = await prepareImport(input);
  const job = await createJob(deps.db, {
    kind: input.kind,
    fileName: input.fileName,
    isDryRun: input.isDryRun ?? false,
    createdAt: deps.clock.now(),
  });
  const done = loadFile(deps, input, job.id, prepared).catch(
    async (error: unknown) => {
      deps.logger.error({ err: error, importJobId: job.id }, "import failed");
      await saveProgress(deps.db, job.id, {
        status: "FAILED",
        rowsRead: 0,
        rowsOk: 0,
        rowsFailed: 0,
        summary: { failure: "the import stopped on an internal error" },
        finishedAt: deps.clock.now(),
      }).catch(() => undefined);
    },
  );

  return { job, done };
}

/** Starts an import and waits for it to finish; for the CLI and benchmarks. */
export async function runImport(deps: ImportDeps, input: ImportInput) {
  const { job, done } = await startImport(deps, input);
  await done;

  return deps.db.prisma.importJob.findUniqueOrThrow({ where: { id: job.id } });
}

type Prepared = Awaited<ReturnType<typeof prepareImport>>;

/**
 * Two passes over the file. The first only parses: a file the parser cannot
 * read to the end (a quoted field never closed, as when an upload is cut
 * off) fails the job before anything is written. The second loads good rows
 * in transactions of `batchSize`; a bad row, including a short last row, is
 * reported and skipped. If the process dies during the second pass the
 * batches before it stay written; importing the file again finishes the job
 * without duplicating anything, since rows are matched by external id.
 */
async function loadFile(
  deps: ImportDeps,
  input: ImportInput,
  jobId: number,
  prepared: Prepared,
) {
  const broken = await checkStructure(input.source, prepared.delimiter);
  if (broken) {
    await saveProgress(deps.db, jobId, {
      status: "FAILED",
      rowsRead: broken.rowsRead,
      rowsOk: 0,
      rowsFailed: 0,
      errors: [{ line: broken.line, field: "file", reason: broken.reason }],
      summary: { failure: `line ${broken.line}: ${broken.reason}` },
      finishedAt: deps.clock.now(),
    });

    return;
  }
  const loader = await createLoader(deps, input, jobId, prepared);
  for await (const row of readRows(input.source, prepared.delimiter)) {
    await loader.add(row);
  }
  await loader.finish();
}

async function checkStructure(source: CsvSource, delimiter: string) {
  let rowsRead = 0;
  try {
    for await (const row of readRows(source, delimiter)) {
      rowsRead = row.line > 1 ? rowsRead + 1 : rowsRead;
    }
  } catch (error) {
    const broken = structuralError(error);
    if (!broken) {
      throw error;
    }

    return { ...broken, rowsRead };
  }

  return undefined;
}

async function createLoader(
  deps: ImportDeps,
  input: ImportInput,
  jobId: number,
  prepared: Prepared,
) {
  const specs = fieldsByKind[input.kind];
  const columns = specs.flatMap((spec) => {
    const header = prepared.mapping[spec.name];

    return header ? [{ spec, index: prepared.header.indexOf(header) }] : [];
  });
  const ctx = await fieldContext(deps.db, input.dateOrder ?? "MDY");
  const state = {
    rowsRead: 0,
    rowsOk: 0,
    rowsFailed: 0,
    created: 0,
    updated: 0,
    batches: 0,
  };
  const issues: RowIssue[] = [];
  let batch: ReadRow[] = [];
  let isHeader = true;
  const report = (issue: RowIssue) => {
    state.rowsFailed += 1;
    keepIssue(issues, issue);
  };
  const flush = async () => {
    const result = await writeBatch(
      deps,
      input,
      batch,
      new Set(Object.keys(prepared.mapping)),
    );
    batch = [];
    state.created += result.created;
    state.updated += result.updated;
    result.issues.forEach(report);
    state.rowsOk += result.written;
    state.batches += 1;
    if (state.batches % batchesPerProgress === 0) {
      await saveProgress(deps.db, jobId, progressOf(state, issues));
    }
  };

  return {
    async add(row: { line: number; values: string[] }) {
      if (isHeader) {
        isHeader = false;

        return;
      }
      state.rowsRead += 1;
      const read = readRow(row, columns, prepared.header.length, ctx);
      if ("issue" in read) {
        report(read.issue);
      } else {
        batch.push({ line: row.line, values: read.values });
      }
      if (batch.length >= batchSize) {
        await flush();
      }
    },
    async finish() {
      if (batch.length > 0) {
        await flush();
      }
      await saveProgress(deps.db, jobId, {
        ...progressOf(state, issues),
        status: "DONE",
        finishedAt: deps.clock.now(),
        summary: {
          created: state.created,
          updated: state.updated,
          unchanged: state.rowsOk - state.created - state.updated,
          delimiter: prepared.delimiter,
          mapping: prepared.mapping,
          ignoredColumns: prepared.ignoredColumns,
        },
      });
    },
  };
}

function progressOf(
  state: { rowsRead: number; rowsOk: number; rowsFailed: number },
  issues: RowIssue[],
) {
  return {
    rowsRead: state.rowsRead,
    rowsOk: state.rowsOk,
    rowsFailed: state.rowsFailed,
    errors: issues as unknown as object[],
  };
}

async function fieldContext(
  db: Database,
  dateOrder: DateOrder,
): Promise<FieldContext> {
  const shop = await db.prisma.shopSettings.findUnique({
    where: { id: 1 },
    select: { timeZone: true },
  });

  return {
    parseDate: createDateParser(dateOrder, shop?.timeZone ?? "UTC"),
    ...(await createServiceMatcher(db)),
  };
}

class DryRunRollback extends Error {
  constructor(readonly result: Awaited<ReturnType<typeof applyBatch>>) {
    super("dry run: rolled back");
  }
}

/**
 * One transaction per batch. A dry run makes exactly the same changes and
 * then rolls them back, so its report is what a real run would do.
 */
async function writeBatch(
  deps: ImportDeps,
  input: ImportInput,
  rows: ReadRow[],
  mapped: Set<string>,
) {
  const now = deps.clock.now();
  let result: Awaited<ReturnType<typeof applyBatch>>;
  try {
    result = await deps.db.prisma.$transaction(
      async (tx) => {
        const applied = await applyBatch(input.kind, { tx, rows, mapped, now });
        if (input.isDryRun) {
          throw new DryRunRollback(applied);
        }

        return applied;
      },
      { timeout: 120_000, maxWait: 60_000 },
    );
  } catch (error) {
    if (!(error instanceof DryRunRollback)) {
      throw error;
    }
    result = error.result;
  }

  return { ...result, written: rows.length - result.issues.length };
}
