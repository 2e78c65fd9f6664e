import { Anchor, Button, Group, Stack, Text, Title } from "@mantine/core";
import type { cohortCriteriaInput } from "@rally/api/rule-schemas";
import type { RouterOutputs } from "@rally/client";
import { keepPreviousData } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import type { z } from "zod";

import { QueryError } from "../../forms/query-error.tsx";
import { formatCalendarDate, formatCount } from "../../format.ts";
import { ListTable, type Column } from "../../shell/list-table.tsx";
import { PageLoader } from "../../shell/page-loader.tsx";
import { trpc } from "../../trpc.ts";
import { ExplainVehicle } from "./explain-vehicle.tsx";

type Criteria = z.output<typeof cohortCriteriaInput>;
type Preview = RouterOutputs["cohort"]["preview"];
type Reason = keyof Preview["excluded"];

const PAGE_SIZE = 10;

export const reasonLabels: Record<Reason, string> = {
  filters: "Do not match the filters",
  booked: "Already booked",
  unreachable: "No email address, or unsubscribed",
  alreadyEmailed: "Already emailed for this service",
  recentlyEmailed: "Emailed too recently",
};

interface LeftOutRow {
  reason: Reason;
  vehicles: number;
}

const leftOutColumns: Column<LeftOutRow>[] = [
  { header: "Left out because", cell: (row) => reasonLabels[row.reason] },
  {
    header: "Vehicles",
    isNumeric: true,
    cell: (row) => formatCount(row.vehicles),
  },
];

function LeftOut({ preview }: { preview: Preview }) {
  const reasons = Object.keys(reasonLabels) as Reason[];

  return (
    <ListTable
      label="Left out"
      columns={leftOutColumns}
      rows={reasons.map((reason) => ({
        reason,
        vehicles: preview.excluded[reason],
      }))}
      rowKey={(row) => row.reason}
      empty="No vehicle is left out."
      withRowBorders={false}
    />
  );
}

type DueItem = Preview["items"][number];

/** The due list's columns; a "Why?" button only for a saved rule. */
function dueColumns(
  onExplain: ((vehicleId: number) => void) | undefined,
): Column<DueItem>[] {
  const columns: Column<DueItem>[] = [
    {
      header: "Vehicle",
      cell: (item) => (
        <Anchor component={Link} to={`/vehicles/${item.vehicle.id}`}>
          {vehicleName(item)}
        </Anchor>
      ),
    },
    {
      header: "Customer",
      cell: (item) => `${item.customer.firstName} ${item.customer.lastName}`,
    },
    { header: "Due", cell: (item) => formatCalendarDate(item.dueDate) },
    {
      header: "Days overdue",
      isNumeric: true,
      cell: (item) => formatCount(item.daysOverdue),
    },
  ];
  if (!onExplain) {
    return columns;
  }

  return [
    ...columns,
    {
      header: "Explain",
      isHeaderHidden: true,
      cell: (item) => (
        <Button
          size="compact-sm"
          variant="subtle"
          aria-label={`Why is ${vehicleName(item)} due?`}
          onClick={() => onExplain(item.vehicle.id)}
        >
          Why?
        </Button>
      ),
    },
  ];
}

function vehicleName({ vehicle }: DueItem) {
  return `${vehicle.year} ${vehicle.make} ${vehicle.model}`;
}

type Cursors = (string | undefined)[];

/** Cursors of the pages seen; other criteria start again at their first. */
function usePaging(criteria: Criteria) {
  const key = JSON.stringify(criteria);
  const [paging, setPaging] = useState({
    key,
    cursors: [undefined] as Cursors,
  });
  const cursors = paging.key === key ? paging.cursors : [undefined];

  return {
    cursors,
    setCursors: (next: Cursors) => setPaging({ key, cursors: next }),
  };
}

function Pager(props: {
  cursors: Cursors;
  next: string | undefined;
  onChange: (cursors: Cursors) => void;
}) {
  const { cursors, next } = props;

  return (
    <Group justify="space-between">
      <Button
        variant="default"
        disabled={cursors.length === 1}
        onClick={() => props.onChange(cursors.slice(0, -1))}
      >
        Previous page
      </Button>
      <Text size="sm">Page {cursors.length}</Text>
      <Button
        variant="default"
        disabled={!next}
        onClick={() => props.onChange([...cursors, next])}
      >
        Next page
      </Button>
    </Group>
  );
}

/** One cohort, page by page, kept on screen while the next one loads. */
function PreviewPages(props: { criteria: Criteria; ruleId?: number }) {
  const { cursors, setCursors } = usePaging(props.criteria);
  const [explained, setExplained] = useState<number | null>(null);
  const preview = trpc.cohort.preview.useQuery(
    { criteria: props.criteria, cursor: cursors.at(-1), limit: PAGE_SIZE },
    { placeholderData: keepPreviousData },
  );
  const data = preview.data;
  if (preview.error) {
    return <QueryError error={preview.error} />;
  }
  if (!data) {
    return <PageLoader />;
  }

  return (
    <Stack gap="sm" aria-busy={preview.isFetching}>
      <Text size="lg" role="status">
        <strong>{formatCount(data.total)}</strong> eligible of{" "}
        {formatCount(data.due)} due
      </Text>
      <LeftOut preview={data} />
      <Title order={3} size="h4">
        Eligible vehicles, most overdue first
      </Title>
      <ListTable
        label="Due vehicles"
        columns={dueColumns(props.ruleId ? setExplained : undefined)}
        rows={data.items}
        rowKey={(item) => item.vehicle.id}
        empty="No vehicle is eligible today."
        striped
      />
      <Pager cursors={cursors} next={data.nextCursor} onChange={setCursors} />
      <ExplainVehicle
        ruleId={props.ruleId}
        vehicleId={explained}
        onChoose={setExplained}
      />
    </Stack>
  );
}

/** The cohort the rule being edited would pick today, before saving. */
export function CohortPreview(props: {
  criteria: Criteria | null;
  ruleId?: number | undefined;
}) {
  if (!props.criteria) {
    return (
      <Text c="dimmed">
        Choose a service and a valid cadence to see who is due.
      </Text>
    );
  }

  return (
    <PreviewPages
      criteria={props.criteria}
      {...(props.ruleId ? { ruleId: props.ruleId } : {})}
    />
  );
}
