import {
  Anchor,
  Button,
  Group,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import type { cohortCriteriaInput } from "@rally/api/rule-schemas";
import type { RouterOutputs } from "@rally/client";
import { keepPreviousData } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import type { z } from "zod";

import { QueryError } from "../../forms/query-error.tsx";
import { formatCount } from "../../format.ts";
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

function LeftOut({ preview }: { preview: Preview }) {
  const reasons = Object.keys(reasonLabels) as Reason[];

  return (
    <Table aria-label="Left out" withRowBorders={false}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Left out because</Table.Th>
          <Table.Th ta="right">Vehicles</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {reasons.map((reason) => (
          <Table.Tr key={reason}>
            <Table.Td>{reasonLabels[reason]}</Table.Td>
            <Table.Td ta="right">
              {formatCount(preview.excluded[reason])}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

type Explain = ((vehicleId: number) => void) | undefined;

function DueRow(props: { item: Preview["items"][number]; onExplain: Explain }) {
  const { item, onExplain } = props;
  const name = `${item.vehicle.year} ${item.vehicle.make} ${item.vehicle.model}`;

  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/vehicles/${item.vehicle.id}`}>
          {name}
        </Anchor>
      </Table.Td>
      <Table.Td>
        {item.customer.firstName} {item.customer.lastName}
      </Table.Td>
      <Table.Td>{item.dueDate}</Table.Td>
      <Table.Td ta="right">{formatCount(item.daysOverdue)}</Table.Td>
      {onExplain ? (
        <Table.Td>
          <Button
            size="compact-sm"
            variant="subtle"
            aria-label={`Why is ${name} due?`}
            onClick={() => onExplain(item.vehicle.id)}
          >
            Why?
          </Button>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}

function DueVehicles(props: {
  items: Preview["items"];
  /** Absent for an unsaved rule, which cannot be explained yet. */
  onExplain: Explain;
}) {
  return (
    <Table striped aria-label="Due vehicles">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Vehicle</Table.Th>
          <Table.Th>Customer</Table.Th>
          <Table.Th>Due</Table.Th>
          <Table.Th ta="right">Days overdue</Table.Th>
          {props.onExplain ? (
            <Table.Th>
              <VisuallyHidden>Explain</VisuallyHidden>
            </Table.Th>
          ) : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.items.map((item) => (
          <DueRow
            key={item.vehicle.id}
            item={item}
            onExplain={props.onExplain}
          />
        ))}
      </Table.Tbody>
    </Table>
  );
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
      {data.items.length === 0 ? (
        <Text c="dimmed">No vehicle is eligible today.</Text>
      ) : (
        <DueVehicles
          items={data.items}
          onExplain={props.ruleId ? setExplained : undefined}
        />
      )}
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
