import type { Database } from "@rally/db";
import type { Logger } from "pino";

import type { Clock } from "../../clock.ts";
import { DomainError } from "../../errors.ts";
import {
  type CsvSource,
  detectDelimiter,
  readHead,
  readHeader,
  readRows,
  structuralError,
} from "./csv.ts";
import type { DateOrder } from "./dates.ts";
import { fieldsByKind, type ImportKind } from "./fields.ts";
import { createJob, saveProgress } from "./jobs.ts";
import { createLoader } from "./loader.ts";
import { type ColumnMapping, resolveMapping } from "./mapping.ts";

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

export type Prepared = Awaited<ReturnType<typeof prepareImport>>;

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
