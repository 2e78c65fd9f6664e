import { Button, Group, Modal, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { limits } from "@rally/api/limits";
import type { RouterOutputs } from "@rally/client";
import { useState } from "react";

import { QueryError } from "../../forms/query-error.tsx";
import { PageLoader } from "../../shell/page-loader.tsx";
import { trpc } from "../../trpc.ts";
import { OneOffForm } from "./one-off-form.tsx";
import { OneOffTable } from "./one-off-table.tsx";
import { RecurringForm } from "./recurring-form.tsx";
import { RecurringTable } from "./recurring-table.tsx";
import { RunHistory } from "./run-history.tsx";

type Schedule = RouterOutputs["recurring"]["list"]["items"][number];

/** What the dialog shows: a new schedule, an edit, or a one-off run. */
type Editing = { kind: "recurring"; schedule?: Schedule } | { kind: "one-off" };

function ScheduleDialog(props: {
  editing: Editing | null;
  shopZone: string;
  onClose: () => void;
}) {
  const { editing } = props;
  const title =
    editing?.kind === "one-off"
      ? "New one-off run"
      : editing?.schedule
        ? `Edit ${editing.schedule.name}`
        : "New recurring schedule";

  return (
    <Modal
      opened={editing !== null}
      onClose={props.onClose}
      title={title}
      size="lg"
      closeButtonProps={{ "aria-label": "Close" }}
    >
      {editing?.kind === "one-off" ? (
        <OneOffForm shopZone={props.shopZone} onSaved={props.onClose} />
      ) : editing ? (
        <RecurringForm
          shopZone={props.shopZone}
          schedule={editing.schedule}
          onSaved={props.onClose}
        />
      ) : null}
    </Modal>
  );
}

export default function SchedulesPage() {
  useDocumentTitle("Schedules · Rally");
  const settings = trpc.settings.get.useQuery();
  const shopZone = settings.data?.timeZone;
  const me = trpc.auth.me.useQuery(undefined, { staleTime: Infinity });
  const canEdit = me.data !== undefined && me.data.role !== "VIEWER";
  // One page of each: a shop with more than 500 schedules or one-off
  // runs does not see the oldest ones here.
  const page = { limit: limits.pageSize.max };
  const recurring = trpc.recurring.list.useQuery(page);
  const oneOff = trpc.schedule.list.useQuery(page);
  const rules = trpc.rule.list.useQuery(page);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [historyOf, setHistoryOf] = useState<Schedule | null>(null);
  const ruleNames = new Map(
    (rules.data?.items ?? []).map((rule) => [rule.id, rule.name]),
  );
  const error = settings.error ?? recurring.error ?? oneOff.error;

  if (!shopZone || recurring.isPending || oneOff.isPending) {
    return error ? <QueryError error={error} /> : <PageLoader />;
  }

  return (
    <Stack>
      <Title order={1}>Schedules</Title>
      <Text c="dimmed">Times are on the shop's clock ({shopZone}).</Text>
      {error ? <QueryError error={error} /> : null}
      <Group justify="space-between">
        <Title order={2} size="h3">
          Recurring
        </Title>
        {canEdit ? (
          <Button onClick={() => setEditing({ kind: "recurring" })}>
            New recurring schedule
          </Button>
        ) : null}
      </Group>
      {recurring.data?.items.length === 0 ? (
        <Text c="dimmed">No recurring schedules yet.</Text>
      ) : (
        <RecurringTable
          schedules={recurring.data?.items ?? []}
          shopZone={shopZone}
          canEdit={canEdit}
          onEdit={(schedule) => setEditing({ kind: "recurring", schedule })}
          onHistory={setHistoryOf}
        />
      )}
      {historyOf ? (
        <RunHistory schedule={historyOf} shopZone={shopZone} />
      ) : null}
      <Group justify="space-between">
        <Title order={2} size="h3">
          One-off
        </Title>
        {canEdit ? (
          <Button onClick={() => setEditing({ kind: "one-off" })}>
            New one-off run
          </Button>
        ) : null}
      </Group>
      {oneOff.data?.items.length === 0 ? (
        <Text c="dimmed">No one-off runs yet.</Text>
      ) : (
        <OneOffTable
          runs={oneOff.data?.items ?? []}
          ruleNames={ruleNames}
          shopZone={shopZone}
          canEdit={canEdit}
        />
      )}
      <ScheduleDialog
        editing={editing}
        shopZone={shopZone}
        onClose={() => setEditing(null)}
      />
    </Stack>
  );
}
