import { Badge, Button, Group, Table, Text } from "@mantine/core";
import type { RouterOutputs } from "@rally/client";

import { trpc } from "../../trpc.ts";
import { weekdayNames } from "../../forms/weekday-chips.tsx";
import { ZonedTime } from "./zoned-time.tsx";

type Schedule = RouterOutputs["recurring"]["list"]["items"][number];

/** "Weekly on Mon, Thu at 09:00", in the schedule's own terms. */
export function describeRecurrence(schedule: Schedule) {
  const at = `at ${schedule.timeOfDay}`;
  switch (schedule.frequency) {
    case "DAILY":
      return `Daily ${at}`;
    case "WEEKLY": {
      const days = schedule.daysOfWeek.map((day) =>
        weekdayNames[day - 1]?.slice(0, 3),
      );

      return `Weekly on ${days.join(", ")} ${at}`;
    }
    case "MONTHLY":
      return schedule.isLastDayOfMonth
        ? `Monthly on the last day ${at}`
        : `Monthly on day ${schedule.dayOfMonth ?? "?"} ${at}`;
  }
}

function Actions(props: {
  schedule: Schedule;
  canEdit: boolean;
  onEdit: () => void;
  onHistory: () => void;
}) {
  const { schedule } = props;
  const pause = trpc.recurring.pause.useMutation();
  const resume = trpc.recurring.resume.useMutation();
  const remove = trpc.recurring.delete.useMutation();
  const label = schedule.name;
  const error = pause.error ?? resume.error ?? remove.error;
  const toggle = schedule.isPaused ? resume : pause;
  const toggleVerb = schedule.isPaused ? "Resume" : "Pause";

  return (
    <Group gap="xs" wrap="nowrap">
      {error ? (
        <Text size="xs" c="red.8" role="alert">
          {error.message}
        </Text>
      ) : null}
      <Button
        size="compact-sm"
        variant="default"
        aria-label={`History of ${label}`}
        onClick={props.onHistory}
      >
        History
      </Button>
      {props.canEdit ? (
        <>
          <Button
            size="compact-sm"
            variant="default"
            aria-label={`Edit ${label}`}
            onClick={props.onEdit}
          >
            Edit
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            aria-label={`${toggleVerb} ${label}`}
            loading={toggle.isPending}
            onClick={() => toggle.mutate({ id: schedule.id })}
          >
            {toggleVerb}
          </Button>
          <Button
            size="compact-sm"
            color="red"
            variant="light"
            aria-label={`Delete ${label}`}
            loading={remove.isPending}
            onClick={() => {
              if (window.confirm(`Delete the schedule "${label}"?`)) {
                remove.mutate({ id: schedule.id });
              }
            }}
          >
            Delete
          </Button>
        </>
      ) : null}
    </Group>
  );
}

export function RecurringTable(props: {
  schedules: Schedule[];
  shopZone: string;
  canEdit: boolean;
  onEdit: (schedule: Schedule) => void;
  onHistory: (schedule: Schedule) => void;
}) {
  const { shopZone } = props;

  return (
    <Table striped aria-label="Recurring schedules">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Repeats</Table.Th>
          <Table.Th>Next run</Table.Th>
          <Table.Th>Last run</Table.Th>
          <Table.Th>Actions</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.schedules.map((schedule) => (
          <Table.Tr key={schedule.id}>
            <Table.Td>{schedule.name}</Table.Td>
            <Table.Td>
              <Text size="sm">{describeRecurrence(schedule)}</Text>
              {schedule.timeZone === shopZone ? null : (
                <Text size="xs" c="dimmed">
                  on {schedule.timeZone} time
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {schedule.isPaused ? (
                <Badge color="gray">Paused</Badge>
              ) : schedule.nextRunAt ? (
                <ZonedTime at={schedule.nextRunAt} shopZone={shopZone} />
              ) : (
                <Text size="sm">Ended</Text>
              )}
            </Table.Td>
            <Table.Td>
              {schedule.lastRunAt ? (
                <ZonedTime at={schedule.lastRunAt} shopZone={shopZone} />
              ) : (
                <Text size="sm">Never</Text>
              )}
            </Table.Td>
            <Table.Td>
              <Actions
                schedule={schedule}
                canEdit={props.canEdit}
                onEdit={() => props.onEdit(schedule)}
                onHistory={() => props.onHistory(schedule)}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
