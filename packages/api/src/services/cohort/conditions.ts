import { addMonths, daysBetween, localDateOf } from "./calendar.ts";
import type { CohortQuery } from "./criteria.ts";
import {
  anchorOf,
  countsAsEmailed,
  countsTowardsCap,
  rateOf,
  type VehicleFacts,
} from "./evaluate.ts";
import { estimateMileage } from "./mileage.ts";
import { exclusionReasons } from "./preview.ts";

/**
 * Condition by condition, the same decision the cohort query makes for
 * every vehicle at once, with the dates behind each answer.
 */
export function evaluateVehicle(facts: VehicleFacts, query: CohortQuery) {
  const today = localDateOf(query.asOf, query.timeZone);
  const anchor = anchorOf(facts, query);
  const isActive = facts.vehicle.status === "ACTIVE";
  const isDue = isActive && anchor !== null && anchor.dueDate <= today;
  const checks = {
    filters: filtersCheck(facts, query, today),
    booked: bookedCheck(facts, query),
    unreachable: reachableCheck(facts),
    alreadyEmailed: alreadyEmailedCheck(facts, anchor?.sinceAt ?? null),
    recentlyEmailed: capCheck(facts, query),
  };
  const excludedBy = isDue
    ? (exclusionReasons.find((reason) => !checks[reason].holds) ?? null)
    : null;
  const records = facts.records
    .filter((r) => r.performedAt <= query.asOf)
    .sort((a, b) => a.performedAt.getTime() - b.performedAt.getTime());
  const rate = rateOf(records, query.timeZone);

  return {
    isDue,
    excludedBy,
    anchor,
    today,
    estimatedMileage: rate
      ? estimateMileage(rate, daysBetween(rate.lastDate, today))
      : null,
    checks,
  };
}

function filtersCheck(facts: VehicleFacts, query: CohortQuery, today: string) {
  const { filters } = query.criteria;
  const { vehicle } = facts;
  const since = filters.visitedWithinMonths
    ? addMonths(today, -filters.visitedWithinMonths)
    : null;
  const lastVisit = facts.customerVisits
    .filter((at) => at <= query.asOf)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  const hasVisited =
    since === null ||
    (lastVisit !== undefined &&
      localDateOf(lastVisit, query.timeZone) >= since);
  const holds =
    sameText(filters.make, vehicle.make) &&
    sameText(filters.model, vehicle.model) &&
    (filters.yearMin === undefined || vehicle.year >= filters.yearMin) &&
    (filters.yearMax === undefined || vehicle.year <= filters.yearMax) &&
    hasVisited;

  return {
    holds,
    detail: { filters, vehicle, lastVisitAt: lastVisit ?? null, since },
  };
}

function sameText(wanted: string | undefined, actual: string) {
  return wanted === undefined || wanted.toLowerCase() === actual.toLowerCase();
}

function bookedCheck(facts: VehicleFacts, query: CohortQuery) {
  const upcoming = facts.appointments
    .filter((a) => a.status === "SCHEDULED" && a.scheduledFor > query.asOf)
    .sort((a, b) => a.scheduledFor.getTime() - b.scheduledFor.getTime())[0];

  return {
    holds: upcoming === undefined,
    detail: { upcomingAppointmentAt: upcoming?.scheduledFor ?? null },
  };
}

function reachableCheck(facts: VehicleFacts) {
  const hasEmail = (facts.customerEmail ?? "").trim() !== "";

  return {
    holds: hasEmail && !facts.isSuppressed,
    detail: { hasEmail, isSuppressed: facts.isSuppressed },
  };
}

function alreadyEmailedCheck(facts: VehicleFacts, sinceAt: Date | null) {
  const last = facts.recipients
    .filter(countsAsEmailed)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  const holds = !(last && sinceAt && last.createdAt > sinceAt);

  return {
    holds,
    detail: { lastEmailedAt: last?.createdAt ?? null, since: sinceAt },
  };
}

function capCheck(facts: VehicleFacts, query: CohortQuery) {
  const windowStart = new Date(
    query.asOf.getTime() - query.frequencyCapDays * 86_400_000,
  );
  const last = facts.customerEmails
    .filter(countsTowardsCap)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];

  return {
    holds: !(last && last.createdAt > windowStart),
    detail: {
      lastCampaignEmailAt: last?.createdAt ?? null,
      frequencyCapDays: query.frequencyCapDays,
      windowStart,
    },
  };
}
