import { Badge, Button } from "@mantine/core";
import type { RouterOutputs } from "@rally/client";

import { formatCount, formatDateTime } from "../../format.ts";
import { QueryError } from "../../forms/query-error.tsx";
import { LoadMore } from "../../shell/load-more.tsx";
import { ListTable, type Column } from "../../shell/list-table.tsx";
import { PageLoader } from "../../shell/page-loader.tsx";
import { trpc } from "../../trpc.ts";
import { kindLabel } from "./import-kinds.ts";

type ImportJob = RouterOutputs["import"]["list"]["items"][number];

const statusColors = { RUNNING: "blue", DONE: "green", FAILED: "red" };

function columnsOpening(onOpen: (jobId: number) => void): Column<ImportJob>[] {
  return [
    { header: "Started", cell: (job) => formatDateTime(job.createdAt) },
    { header: "Kind", cell: (job) => kindLabel(job.kind) },
    {
      header: "File",
      cell: (job) => (
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => onOpen(job.id)}
        >
          {job.fileName}
        </Button>
      ),
    },
    { header: "Mode", cell: (job) => (job.isDryRun ? "Dry run" : "Import") },
    {
      header: "Status",
      cell: (job) => (
        <Badge color={statusColors[job.status]} variant="light" c="dark.7">
          {job.status.toLowerCase()}
        </Badge>
      ),
    },
    {
      header: "Rows",
      cell: (job) =>
        `${formatCount(job.rowsOk)} ok, ${formatCount(job.rowsFailed)} failed`,
    },
  ];
}

/** Past imports, newest first; opening one shows its report. */
export function ImportList(props: { onOpen: (jobId: number) => void }) {
  const list = trpc.import.list.useInfiniteQuery(
    { limit: 20 },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const jobs = list.data?.pages.flatMap((page) => page.items) ?? [];
  if (!list.data) {
    return list.error ? <QueryError error={list.error} /> : <PageLoader />;
  }

  return (
    <>
      <ListTable
        label="Past imports"
        columns={columnsOpening(props.onOpen)}
        rows={jobs}
        empty="No imports yet."
        striped
      />
      <LoadMore query={list} />
    </>
  );
}
