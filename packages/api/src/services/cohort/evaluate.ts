import {
  addDays,
  addMonths,
  daysBetween,
  localDateOf,
  startOfLocalDay,
  type LocalDate,
} from "./calendar.ts";
import type { CohortQuery } from "./criteria.ts";
import { mileageRate, type MileageRate } from "./mileage.ts";

/** What is known about one vehicle, as stored; evaluation applies `asOf`. */
export interface VehicleFacts {
  vehicle: {
    id: number;
    customerId: number;
    status: string;
    make: string;
    model: string;
    year: number;
  };
  customerEmail: string | null;
  isSuppressed: boolean;
  records: {
    performedAt: Date;
    serviceTypeId: number;
    odometer: number | null;
    declinedServiceTypeIds: number[];
  }[];
  /** When any of the owner's vehicles was serviced. */
  customerVisits: Date[];
  appointments: { scheduledFor: Date; status: string }[];
  /** This vehicle's recipient rows for the rule being evaluated. */
  recipients: {
    createdAt: Date;
    isControl: boolean;
    campaignStatus: string;
    emailStatus: string | null;
  }[];
  /** The owner's emails. */
  customerEmails: {
    createdAt: Date;
    status: string;
    direction: string;
    campaignId: number | null;
  }[];
}

export interface Anchor {
  lastServiceAt: Date | null;
  anchorAt: Date;
  dueDate: LocalDate;
  timeDueDate: LocalDate | null;
  mileageDueDate: LocalDate | null;
  sinceAt: Date;
}

const inFlightCampaignStatuses = new Set(["QUEUED", "SENDING", "PAUSED"]);
const unsentEmailStatuses = new Set(["CANCELLED", "SKIPPED", "FAILED"]);
const uncappedEmailStatuses = new Set(["CANCELLED", "SKIPPED"]);

/**
 * A recipient row means "emailed for this rule" unless it was a control, its
 * email was never sent (cancelled, skipped, failed), or it never got an
 * email and its campaign is over. A row still waiting for its email in a
 * running campaign is in flight and counts.
 */
export function countsAsEmailed(r: VehicleFacts["recipients"][number]) {
  if (r.isControl) {
    return false;
  }

  return r.emailStatus === null
    ? inFlightCampaignStatuses.has(r.campaignStatus)
    : !unsentEmailStatuses.has(r.emailStatus);
}

export function countsTowardsCap(e: VehicleFacts["customerEmails"][number]) {
  return (
    e.direction === "OUTBOUND" &&
    e.campaignId !== null &&
    !uncappedEmailStatuses.has(e.status)
  );
}

/** Condition 1's dates, or null when the vehicle has nothing to count from. */
export function anchorOf(facts: VehicleFacts, query: CohortQuery) {
  const records = facts.records
    .filter((r) => r.performedAt <= query.asOf)
    .sort((a, b) => a.performedAt.getTime() - b.performedAt.getTime());

  return query.criteria.kind === "DECLINED_WORK"
    ? declinedAnchor(records, query)
    : serviceAnchor(records, query);
}

type SortedRecords = VehicleFacts["records"];

function serviceAnchor(records: SortedRecords, query: CohortQuery) {
  const { criteria, timeZone } = query;
  const ofType = records.filter(
    (r) => r.serviceTypeId === criteria.serviceTypeId,
  );
  const latestAt = ofType.at(-1)?.performedAt;
  const latest = latestAt
    ? maxBy(
        ofType.filter((r) => r.performedAt.getTime() === latestAt.getTime()),
        (r) => r.odometer ?? -1,
      )
    : undefined;
  const firstVisit = criteria.includeNeverServiced ? records[0] : undefined;
  const anchor = latest ?? firstVisit;
  if (!anchor) {
    return null;
  }
  const timeDueDate = addMonths(
    localDateOf(anchor.performedAt, timeZone),
    criteria.cadenceMonths,
  );
  const mileageDueDate = mileageDue(records, anchor, query);

  return {
    lastServiceAt: latest ? latest.performedAt : null,
    anchorAt: anchor.performedAt,
    dueDate:
      mileageDueDate && mileageDueDate < timeDueDate
        ? mileageDueDate
        : timeDueDate,
    timeDueDate,
    mileageDueDate,
    sinceAt: anchor.performedAt,
  } satisfies Anchor;
}

function maxBy<T>(items: T[], key: (item: T) => number): T | undefined {
  return items.reduce<T | undefined>(
    (best, item) => (best === undefined || key(item) > key(best) ? item : best),
    undefined,
  );
}

export function rateOf(
  records: Pick<SortedRecords[number], "performedAt" | "odometer">[],
  timeZone: string,
) {
  const readings = records
    .filter((r) => r.odometer !== null)
    .map((r) => ({
      date: localDateOf(r.performedAt, timeZone),
      time: r.performedAt.getTime(),
      odometer: r.odometer!,
    }))
    .sort((a, b) => a.time - b.time || a.odometer - b.odometer);

  return mileageRate(readings, daysBetween);
}

function mileageDue(
  records: SortedRecords,
  anchor: SortedRecords[number],
  query: CohortQuery,
): LocalDate | null {
  const interval = query.criteria.mileageInterval;
  const rate = interval === null ? null : rateOf(records, query.timeZone);
  if (interval === null || !rate || rate.miles === 0) {
    return null;
  }
  if (anchor.odometer !== null) {
    const remaining = interval + anchor.odometer - rate.lastOdometer;

    return addDays(rate.lastDate, ceilDays(remaining, rate));
  }

  return addDays(
    localDateOf(anchor.performedAt, query.timeZone),
    ceilDays(interval, rate),
  );
}

function ceilDays(miles: number, rate: MileageRate) {
  return Math.ceil((miles * rate.days) / rate.miles);
}

function declinedAnchor(records: SortedRecords, query: CohortQuery) {
  const { criteria, timeZone } = query;
  const today = localDateOf(query.asOf, timeZone);
  const declined = records
    .filter((r) => r.declinedServiceTypeIds.includes(criteria.serviceTypeId))
    .at(-1);
  if (!declined) {
    return null;
  }
  const isPerformedSince = records.some(
    (r) =>
      r.serviceTypeId === criteria.serviceTypeId &&
      r.performedAt > declined.performedAt,
  );
  const declinedOn = localDateOf(declined.performedAt, timeZone);
  const reached = criteria.declinedOffsetsDays
    .map((days) => addDays(declinedOn, days))
    .filter((date) => date <= today);
  const dueDate = reached.at(-1);
  if (isPerformedSince || !dueDate) {
    return null;
  }

  return {
    lastServiceAt: declined.performedAt,
    anchorAt: declined.performedAt,
    dueDate,
    timeDueDate: dueDate,
    mileageDueDate: null,
    sinceAt: startOfLocalDay(dueDate, timeZone),
  } satisfies Anchor;
}
