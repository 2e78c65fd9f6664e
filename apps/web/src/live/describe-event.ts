import type { DomainEventType, StoredEvent } from "@rally/api";

import { numberIn, textIn } from "./payload.ts";

export interface EventDescription {
  /** A word for the kind of thing that changed, such as "Campaign". */
  kind: string;
  text: string;
  /** The console page that shows what changed, when there is one. */
  href?: string;
}

function vehicleLink(payload: Record<string, unknown>) {
  const vehicleId = numberIn(payload, "vehicleId");

  return vehicleId ? `/vehicles/${vehicleId}` : undefined;
}

function campaignLink(payload: Record<string, unknown>) {
  const campaignId = numberIn(payload, "campaignId");

  return campaignId ? `/campaigns/${campaignId}` : undefined;
}

const describers: Record<
  DomainEventType,
  (payload: Record<string, unknown>) => EventDescription
> = {
  "serviceRecord.created": (p) => ({
    kind: "Service",
    text: `Service recorded for vehicle ${numberIn(p, "vehicleId") ?? "?"}`,
    href: vehicleLink(p),
  }),
  "appointment.changed": (p) => ({
    kind: "Booking",
    text: `Appointment ${numberIn(p, "appointmentId") ?? "?"} is ${(textIn(p, "status") ?? "changed").toLowerCase()}`,
    href: vehicleLink(p),
  }),
  "email.status": (p) => ({
    kind: "Email",
    text: `Email ${numberIn(p, "emailId") ?? "?"} is ${(textIn(p, "to") ?? "updated").toLowerCase()}`,
    href: campaignLink(p),
  }),
  "campaign.progress": (p) => ({
    kind: "Campaign",
    text: `Campaign ${numberIn(p, "campaignId") ?? "?"} progressed`,
    href: campaignLink(p),
  }),
  "campaign.status": (p) => ({
    kind: "Campaign",
    text: `Campaign ${numberIn(p, "campaignId") ?? "?"} is ${(textIn(p, "status") ?? "updated").toLowerCase()}`,
    href: campaignLink(p),
  }),
  "schedule.changed": (p) => ({
    kind: "Schedule",
    text: `Schedule ${numberIn(p, "scheduleId") ?? "?"} changed`,
  }),
  "schedule.run": (p) => ({
    kind: "Schedule",
    text: `A scheduled run is ${(textIn(p, "status") ?? "updated").toLowerCase()}`,
  }),
  "conversation.message": (p) => ({
    kind: "Conversation",
    text: `New ${textIn(p, "direction")?.toLowerCase() ?? ""} message in conversation ${numberIn(p, "threadId") ?? "?"}`,
  }),
  "conversation.read": (p) => ({
    kind: "Conversation",
    text: `Conversation ${numberIn(p, "threadId") ?? "?"} read`,
  }),
  "rule.changed": (p) => ({
    kind: "Rule",
    text: `Rule ${numberIn(p, "ruleId") ?? "?"} ${textIn(p, "change") ?? "changed"}`,
  }),
  "customer.changed": (p) => {
    const customerId = numberIn(p, "customerId");

    return {
      kind: "Customer",
      text: `Customer ${customerId ?? "?"} ${textIn(p, "change") ?? "changed"}`,
      href: customerId ? `/customers/${customerId}` : undefined,
    };
  },
  "vehicle.changed": (p) => ({
    kind: "Vehicle",
    text: `Vehicle ${numberIn(p, "vehicleId") ?? "?"} ${textIn(p, "change") ?? "changed"}`,
    href: vehicleLink(p),
  }),
  "import.progress": (p) => ({
    kind: "Import",
    text: `Import ${numberIn(p, "importJobId") ?? "?"}: ${numberIn(p, "rowsRead") ?? 0} rows read`,
    href: "/imports",
  }),
  "settings.changed": () => ({
    kind: "Settings",
    text: "The shop's settings changed",
    href: "/settings",
  }),
};

/** One line a person can read for a change, and where to see it. */
export function describeEvent(event: StoredEvent): EventDescription {
  return describers[event.type](event.payload);
}
