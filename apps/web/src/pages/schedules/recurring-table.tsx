import { Badge, Button, Group, Text } from "@mantine/core";
import type { RouterOutputs } from "@rally/client";

import { weekdayNames } from "../../forms/weekday-chips.tsx";
import { ListTable, type Column } from "../../shell/list-table.tsx";
import { trpc } from "../../trpc.ts";
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

interface RecurringTableProps {
  schedules: Schedule[];
  shopZone: string;
  canEdit: boolean;
  onEdit: (schedule: Schedule) => void;
  onHistory: (schedule: Schedule) => void;
}

function scheduleColumns(props: RecurringTableProps): Column<Schedule>[] {
  const { shopZone } = props;

  return [
    { header: "Name", cell: (schedule) => schedule.name },
    {
      header: "Repeats",
      cell: (schedule) => (
        <>
          <Text size="sm">{describeRecurrence(schedule)}</Text>
          {schedule.timeZone === shopZone ? null : (
            <Text size="xs" c="dimmed">
              on {schedule.timeZone} time
            </Text>
          )}
        </>
      ),
    },
    {
      header: "Next run",
      cell: (schedule) =>
        schedule.isPaused ? (
          <Badge color="gray">Paused</Badge>
        ) : schedule.nextRunAt ? (
          <ZonedTime at={schedule.nextRunAt} shopZone={shopZone} />
        ) : (
          <Text size="sm">Ended</Text>
        ),
    },
    {
      header: "Last run",
      cell: (schedule) =>
        schedule.lastRunAt ? (
          <ZonedTime at={schedule.lastRunAt} shopZone={shopZone} />
        ) : (
          <Text size="sm">Never</Text>
        ),
    },
    {
      header: "Actions",
      cell: (schedule) => (
        <Actions
          schedule={schedule}
          canEdit={props.canEdit}
          onEdit={() => props.onEdit(schedule)}
          onHistory={() => props.onHistory(schedule)}
        />
      ),
    },
  ];
}

export function RecurringTable(props: RecurringTableProps) {
  return (
    <ListTable
      label="Recurring schedules"
      columns={scheduleColumns(props)}
      rows={props.schedules}
      empty="No recurring schedules yet."
      striped
    />
  );
}
