import type { Database, Prisma } from "@rally/db";

import { notFound } from "../../errors.ts";
import { recordEvents } from "../../events/record.ts";
import type { RowIssue } from "./mapping.ts";

export const importJobSelect = {
  id: true,
  kind: true,
  fileName: true,
  isDryRun: true,
  status: true,
  rowsRead: true,
  rowsOk: true,
  rowsFailed: true,
  errors: true,
  summary: true,
  createdAt: true,
  finishedAt: true,
} as const satisfies Prisma.ImportJobSelect;

export interface JobProgress {
  rowsRead: number;
  rowsOk: number;
  rowsFailed: number;
}

type JobRow = Prisma.ImportJobGetPayload<{ select: typeof importJobSelect }>;

/** Kind and dry run tell a console what a finished import made stale. */
function progressEvent(job: JobRow) {
  return {
    type: "import.progress" as const,
    payload: {
      importJobId: job.id,
      kind: job.kind,
      isDryRun: job.isDryRun,
      rowsRead: job.rowsRead,
      rowsOk: job.rowsOk,
      rowsFailed: job.rowsFailed,
      status: job.status,
    },
  };
}

/** Changes the job row and tells subscribers, in one transaction. */
export function saveProgress(
  db: Database,
  jobId: number,
  data: Prisma.ImportJobUpdateInput & JobProgress,
) {
  return db.prisma.$transaction(async (tx) => {
    const job = await tx.importJob.update({
      where: { id: jobId },
      data,
      select: importJobSelect,
    });
    await recordEvents(tx, [progressEvent(job)]);

    return job;
  });
}

export function createJob(
  db: Database,
  data: { kind: string; fileName: string; isDryRun: boolean; createdAt: Date },
) {
  return db.prisma.$transaction(async (tx) => {
    const job = await tx.importJob.create({ data, select: importJobSelect });
    await recordEvents(tx, [progressEvent(job)]);

    return job;
  });
}

export async function getImportJob(db: Database, id: number) {
  const job = await db.prisma.importJob.findUnique({
    where: { id },
    select: importJobSelect,
  });
  if (!job) {
    throw notFound("import job", id, "id");
  }

  return job;
}

export async function listImportJobs(
  db: Database,
  input: { cursor?: number | undefined; limit: number },
) {
  const rows = await db.prisma.importJob.findMany({
    select: importJobSelect,
    orderBy: { id: "desc" },
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const hasMore = rows.length > input.limit;
  const items = hasMore ? rows.slice(0, input.limit) : rows;

  return { items, nextCursor: hasMore ? items.at(-1)?.id : undefined };
}

/** How many rejected rows a job keeps; the count covers all of them. */
export const keptIssues = 100;

export function keepIssue(issues: RowIssue[], issue: RowIssue) {
  if (issues.length < keptIssues) {
    issues.push(issue);
  }
}
