import type { RouterOutputs } from "@rally/client";

import { formatCalendarDate, formatDate } from "../../format.ts";

type Explanation = RouterOutputs["cohort"]["explain"];
type Condition = Explanation["conditions"][number];

const verdicts: Record<Explanation["excludedBy"] & string, string> = {
  notDue: "Not due yet, so not in the cohort.",
  filters: "Due, but left out: it does not match the filters.",
  booked: "Due, but left out: it already has an appointment.",
  unreachable: "Due, but left out: the customer cannot be emailed.",
  alreadyEmailed: "Due, but left out: already emailed for this service.",
  recentlyEmailed: "Due, but left out: the customer was emailed recently.",
};

export function describeVerdict(explanation: Explanation) {
  if (explanation.isEligible) {
    return "Eligible: this vehicle would get the email today.";
  }

  return verdicts[explanation.excludedBy ?? "notDue"];
}

const when = (date: Date | null) => (date ? formatDate(date) : "never");

function describeDue(
  detail: Extract<Condition, { condition: "due" }>["detail"],
) {
  if (!detail.isActive) {
    return `The vehicle is ${detail.vehicleStatus.toLowerCase()}, not active.`;
  }
  if (!detail.dueDate) {
    return "It has no service to count from, and the rule leaves out vehicles never serviced.";
  }
  const mileage = detail.dueByMileageDate
    ? `; by mileage on ${formatCalendarDate(detail.dueByMileageDate)}`
    : "";

  const byTime = detail.dueByTimeDate
    ? formatCalendarDate(detail.dueByTimeDate)
    : "—";

  const dueOn = formatCalendarDate(detail.dueDate);

  return `Last serviced ${when(detail.lastServiceAt)}; due on ${dueOn} (by time on ${byTime}${mileage}).`;
}

function describeFilters(
  detail: Extract<Condition, { condition: "matchesFilters" }>["detail"],
) {
  const { filters, vehicle } = detail;
  const wanted = [
    filters.make ? `make ${filters.make}` : null,
    filters.model ? `model ${filters.model}` : null,
    filters.yearMin ? `from ${filters.yearMin}` : null,
    filters.yearMax ? `to ${filters.yearMax}` : null,
    detail.since ? `a visit since ${detail.since}` : null,
  ].filter(Boolean);
  if (wanted.length === 0) {
    return "The rule has no filters.";
  }

  return `Wants ${wanted.join(", ")}; this is a ${vehicle.year} ${vehicle.make} ${vehicle.model}, last visit ${when(detail.lastVisitAt)}.`;
}

/** A condition's name and, in words, why it passed or failed. */
export function describeCondition(condition: Condition) {
  switch (condition.condition) {
    case "due":
      return {
        label: "Due for service",
        reason: describeDue(condition.detail),
      };
    case "noUpcomingAppointment":
      return {
        label: "No upcoming appointment",
        reason: condition.detail.upcomingAppointmentAt
          ? `Booked for ${formatDate(condition.detail.upcomingAppointmentAt)}.`
          : "Nothing booked.",
      };
    case "reachable":
      return {
        label: "Can be emailed",
        reason: !condition.detail.hasEmail
          ? "The customer has no email address."
          : condition.detail.isSuppressed
            ? "The address unsubscribed, bounced or complained."
            : "Has an email address that may be mailed.",
      };
    case "notAlreadyEmailed":
      return {
        label: "Not already emailed for this service",
        reason: `Last emailed by this rule: ${when(condition.detail.lastEmailedAt)}.`,
      };
    case "notRecentlyEmailed":
      return {
        label: "Not emailed recently",
        reason: `Last campaign email ${when(condition.detail.lastCampaignEmailAt)}; the shop waits ${condition.detail.frequencyCapDays} days between emails.`,
      };
    case "matchesFilters":
      return {
        label: "Matches the filters",
        reason: describeFilters(condition.detail),
      };
  }
}
