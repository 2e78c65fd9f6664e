import { Alert, Group, Progress, Stack, Text } from "@mantine/core";
import type { RouterOutputs } from "@rally/client";

import { formatCount } from "../../format.ts";
import { QueryError } from "../../forms/query-error.tsx";
import { ListTable, type Column } from "../../shell/list-table.tsx";
import { PageLoader } from "../../shell/page-loader.tsx";
import { trpc } from "../../trpc.ts";
import { fieldLabel, kindLabel } from "./import-kinds.ts";

type ImportJob = RouterOutputs["import"]["get"];

interface RowIssue {
  line: number;
  field: string;
  reason: string;
}

function issuesOf(job: ImportJob) {
  return Array.isArray(job.errors) ? (job.errors as unknown as RowIssue[]) : [];
}

function summaryOf(job: ImportJob) {
  const summary = job.summary;

  return typeof summary === "object" && summary !== null
    ? (summary as Record<string, unknown>)
    : {};
}

function Count(props: { label: string; value: unknown }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {props.label}
      </Text>
      <Text fw={600}>
        {typeof props.value === "number" ? formatCount(props.value) : "—"}
      </Text>
    </div>
  );
}

function Counts({ job }: { job: ImportJob }) {
  const summary = summaryOf(job);

  return (
    <Group gap="xl" role="group" aria-label="Import counts">
      <Count label="Rows read" value={job.rowsRead} />
      <Count label="Rows ok" value={job.rowsOk} />
      <Count label="Rows failed" value={job.rowsFailed} />
      <Count
        label={job.isDryRun ? "Would be created" : "Created"}
        value={summary.created}
      />
      <Count
        label={job.isDryRun ? "Would be updated" : "Updated"}
        value={summary.updated}
      />
      <Count label="Unchanged" value={summary.unchanged} />
    </Group>
  );
}

const issueColumns: Column<RowIssue>[] = [
  { header: "Line", cell: (issue) => issue.line },
  { header: "Field", cell: (issue) => fieldLabel(issue.field) },
  { header: "Reason", cell: (issue) => issue.reason },
];

function IssueTable({ job }: { job: ImportJob }) {
  return (
    <ListTable
      label="Rows not imported"
      columns={issueColumns}
      rows={issuesOf(job)}
      rowKey={(issue) => `${issue.line}-${issue.field}`}
      empty="Every row could be read."
      striped
    />
  );
}

/**
 * A job's live progress, then its report. The bar moves with
 * import.progress events; its length is the file's line count, so a file
 * with line breaks inside quoted fields fills it before the end.
 */
export function ImportReport(props: {
  jobId: number;
  /** Unknown for a job opened from the list: the bar only shows it runs. */
  estimatedRows?: number | undefined;
}) {
  const job = trpc.import.get.useQuery({ id: props.jobId });
  if (!job.data) {
    return job.error ? <QueryError error={job.error} /> : <PageLoader />;
  }
  const { data } = job;
  const isRunning = data.status === "RUNNING";
  const share =
    isRunning && props.estimatedRows
      ? Math.min(99, (100 * data.rowsRead) / props.estimatedRows)
      : 100;
  const what = `${data.isDryRun ? "Dry run" : "Import"} of ${data.fileName} (${kindLabel(data.kind).toLowerCase()})`;
  const failure = summaryOf(data).failure;

  return (
    <Stack>
      <Text>
        {what}:{" "}
        <span data-status={data.status}>
          {isRunning ? "running" : data.status === "DONE" ? "done" : "failed"}
        </span>
      </Text>
      <Progress
        value={share}
        aria-label="Import progress"
        color={data.status === "FAILED" ? "red" : undefined}
        animated={isRunning}
      />
      {typeof failure === "string" ? (
        <Alert color="red" role="alert" title="The import stopped">
          {failure}
        </Alert>
      ) : null}
      <Counts job={data} />
      {isRunning ? null : <IssueTable job={data} />}
    </Stack>
  );
}
