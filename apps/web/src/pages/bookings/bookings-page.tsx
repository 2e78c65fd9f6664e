import { Button, Group, Modal, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { DateTime } from "luxon";
import { useState } from "react";
import { useSearchParams } from "react-router";

import { QueryError } from "../../forms/query-error.tsx";
import { LoadMore } from "../../shell/load-more.tsx";
import { PageLoader } from "../../shell/page-loader.tsx";
import { useCanAct } from "../../shell/use-can-act.ts";
import { trpc } from "../../trpc.ts";
import { AppointmentDay, groupByDay } from "./appointment-day.tsx";
import { AppointmentForm, type AppointmentDraft } from "./appointment-form.tsx";

const PAGE_SIZE = 100;

/**
 * Appointments still open from the past week show too, so staff can
 * complete them or mark them no-shows after the fact; older ones need the
 * vehicle's page.
 */
const OPEN_PAST_DAYS = 7;

/**
 * A booking proposed elsewhere (a reply asking for a time) arrives as
 * ?book=<vehicleId>&at=<ISO instant>, and opens the form filled in.
 */
function useDraft(): [AppointmentDraft | null, () => void] {
  const [params, setParams] = useSearchParams();
  const vehicleId = Number(params.get("book"));
  const vehicle = trpc.vehicle.get.useQuery(
    { id: vehicleId },
    { enabled: Number.isInteger(vehicleId) && vehicleId > 0 },
  );
  const clear = () => setParams({}, { replace: true });
  if (!params.has("book") || !vehicle.data) {
    return [null, clear];
  }
  const { customer } = vehicle.data;
  const at = new Date(params.get("at") ?? "");

  return [
    {
      vehicle: {
        value: String(vehicle.data.id),
        label: `${customer.lastName}, ${customer.firstName} — ${vehicle.data.year} ${vehicle.data.make} ${vehicle.data.model}`,
      },
      scheduledFor: Number.isNaN(at.getTime()) ? undefined : at,
      source: "REPLY",
    },
    clear,
  ];
}

function NewAppointment(props: { timeZone: string }) {
  const [params, setParams] = useSearchParams();
  const [draft, clearDraft] = useDraft();
  const isOpen = params.has("new") || draft !== null;
  const close = () => {
    clearDraft();
    setParams({}, { replace: true });
  };

  return (
    <>
      <Button onClick={() => setParams({ new: "" })}>New appointment</Button>
      <Modal
        opened={isOpen}
        onClose={close}
        title="New appointment"
        closeButtonProps={{ "aria-label": "Close" }}
      >
        <AppointmentForm
          key={draft?.vehicle?.value ?? "blank"}
          timeZone={props.timeZone}
          draft={draft ?? undefined}
          onCreated={close}
        />
      </Modal>
    </>
  );
}

/** Open appointments by day on the shop's clock, kept live. */
export default function BookingsPage() {
  useDocumentTitle("Bookings · Rally");
  const canAct = useCanAct();
  const [from] = useState(() =>
    DateTime.now().minus({ days: OPEN_PAST_DAYS }).toJSDate(),
  );
  const list = trpc.appointment.list.useInfiniteQuery(
    { from, limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const appointments = list.data?.pages.flatMap((page) => page.items) ?? [];
  const timeZone = list.data?.pages[0]?.timeZone ?? "UTC";

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Bookings</Title>
        {list.data && canAct ? <NewAppointment timeZone={timeZone} /> : null}
      </Group>
      <Text c="dimmed">
        Upcoming appointments, and those of the past week still open; times are
        in {timeZone}.
      </Text>
      {list.error ? <QueryError error={list.error} /> : null}
      {list.isPending ? (
        <PageLoader />
      ) : appointments.length === 0 ? (
        <Text>No upcoming appointments.</Text>
      ) : (
        groupByDay(appointments).map(([day, items]) => (
          <AppointmentDay
            key={day}
            day={day}
            appointments={items}
            timeZone={timeZone}
          />
        ))
      )}
      <LoadMore query={list} />
    </Stack>
  );
}
