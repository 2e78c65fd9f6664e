import { Button, Group, Modal, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { limits } from "@rally/api/limits";
import type { RouterOutputs } from "@rally/client";
import { useState, type ReactNode } from "react";

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

/** A titled list with its add button. */
function Section(props: {
  title: string;
  addLabel: string | null;
  onAdd: () => void;
  children: ReactNode;
}) {
  return (
    <>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {props.title}
        </Title>
        {props.addLabel ? (
          <Button onClick={props.onAdd}>{props.addLabel}</Button>
        ) : null}
      </Group>
      {props.children}
    </>
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

  if (!shopZone || !recurring.data || !oneOff.data) {
    return error ? <QueryError error={error} /> : <PageLoader />;
  }

  return (
    <Stack>
      <Title order={1}>Schedules</Title>
      <Text c="dimmed">Times are on the shop's clock ({shopZone}).</Text>
      {error ? <QueryError error={error} /> : null}
      <Section
        title="Recurring"
        addLabel={canEdit ? "New recurring schedule" : null}
        onAdd={() => setEditing({ kind: "recurring" })}
      >
        <RecurringTable
          schedules={recurring.data.items}
          shopZone={shopZone}
          canEdit={canEdit}
          onEdit={(schedule) => setEditing({ kind: "recurring", schedule })}
          onHistory={setHistoryOf}
        />
      </Section>
      {historyOf ? (
        <RunHistory schedule={historyOf} shopZone={shopZone} />
      ) : null}
      <Section
        title="One-off"
        addLabel={canEdit ? "New one-off run" : null}
        onAdd={() => setEditing({ kind: "one-off" })}
      >
        <OneOffTable
          runs={oneOff.data.items}
          ruleNames={ruleNames}
          shopZone={shopZone}
          canEdit={canEdit}
        />
      </Section>
      <ScheduleDialog
        editing={editing}
        shopZone={shopZone}
        onClose={() => setEditing(null)}
      />
    </Stack>
  );
}
