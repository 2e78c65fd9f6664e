import type { StoredEvent } from "@rally/api";
import type { RouterOutputs } from "@rally/client";
import type { QueryClient } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";

import { trpc } from "../trpc.ts";
import { numberIn, textIn } from "./payload.ts";
import type { UpdateTable } from "./update-table.ts";

type Vehicle = RouterOutputs["vehicle"]["get"];
type EmailStatus = Vehicle["emails"][number]["status"];

/** Changes an email's status in place on every vehicle page that lists it. */
async function patchVehicleEmail(event: StoredEvent, queryClient: QueryClient) {
  const emailId = numberIn(event.payload, "emailId");
  const to = textIn(event.payload, "to") as EmailStatus | undefined;
  if (emailId === undefined || to === undefined) {
    return;
  }
  queryClient.setQueriesData<Vehicle>(
    { queryKey: getQueryKey(trpc.vehicle.get) },
    (vehicle) =>
      vehicle?.emails.some((email) => email.id === emailId)
        ? {
            ...vehicle,
            emails: vehicle.emails.map((email) =>
              email.id === emailId ? { ...email, status: to } : email,
            ),
          }
        : vehicle,
  );
}

/**
 * A campaign was queued, started or ended: open vehicle pages may have
 * new emails to list (events do not say which vehicles a campaign covers).
 */
async function refreshVehiclePages(
  _event: StoredEvent,
  queryClient: QueryClient,
) {
  await queryClient.invalidateQueries({
    queryKey: getQueryKey(trpc.vehicle.get),
  });
}

export const vehicleEmailUpdates: UpdateTable = {
  "email.status": patchVehicleEmail,
  "campaign.status": refreshVehiclePages,
};
