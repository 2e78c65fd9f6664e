import type { Database } from "@rally/db";

import { applyBatch, type ReadRow } from "./batch.ts";
import { createDateParser, type DateOrder } from "./dates.ts";
import { fieldsByKind, type FieldContext } from "./fields.ts";
import { keepIssue, saveProgress } from "./jobs.ts";
import { readRow, type RowIssue } from "./mapping.ts";
import type { ImportDeps, ImportInput, Prepared } from "./run.ts";
import { createServiceMatcher } from "./services.ts";

/** Rows per transaction. */
const batchSize = 1_000;
/** Progress is saved and pushed every this many batches. */
const batchesPerProgress = 5;

/** Takes the file's rows one by one and writes them in batches. */
export async function createLoader(
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
