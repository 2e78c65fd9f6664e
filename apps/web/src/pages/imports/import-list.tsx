import { Badge, Button, Table, Text } from "@mantine/core";
import type { RouterOutputs } from "@rally/client";

import { formatCount, formatDateTime } from "../../format.ts";
import { QueryError } from "../../forms/query-error.tsx";
import { LoadMore } from "../../shell/load-more.tsx";
import { PageLoader } from "../../shell/page-loader.tsx";
import { trpc } from "../../trpc.ts";
import { kindLabel } from "./import-kinds.ts";

type ImportJob = RouterOutputs["import"]["list"]["items"][number];

const statusColors = { RUNNING: "blue", DONE: "green", FAILED: "red" };

function JobRow(props: { job: ImportJob; onOpen: (jobId: number) => void }) {
  const { job } = props;

  return (
    <Table.Tr>
      <Table.Td>{formatDateTime(job.createdAt)}</Table.Td>
      <Table.Td>{kindLabel(job.kind)}</Table.Td>
      <Table.Td>
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => props.onOpen(job.id)}
        >
          {job.fileName}
        </Button>
      </Table.Td>
      <Table.Td>{job.isDryRun ? "Dry run" : "Import"}</Table.Td>
      <Table.Td>
        <Badge color={statusColors[job.status]} variant="light" c="dark.7">
          {job.status.toLowerCase()}
        </Badge>
      </Table.Td>
      <Table.Td>
        {formatCount(job.rowsOk)} ok, {formatCount(job.rowsFailed)} failed
      </Table.Td>
    </Table.Tr>
  );
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

  return jobs.length === 0 ? (
    <Text c="dimmed">No imports yet.</Text>
  ) : (
    <>
      <Table striped aria-label="Past imports">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Started</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>File</Table.Th>
            <Table.Th>Mode</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Rows</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {jobs.map((job) => (
            <JobRow key={job.id} job={job} onOpen={props.onOpen} />
          ))}
        </Table.Tbody>
      </Table>
      <LoadMore query={list} />
    </>
  );
}
