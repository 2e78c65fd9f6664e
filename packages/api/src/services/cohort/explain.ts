import type { Database } from "@rally/db";

import { notFound } from "../../errors.ts";
import { startOfLocalDay } from "./calendar.ts";
import { evaluateVehicle } from "./conditions.ts";
import { loadVehicleFacts } from "./facts.ts";
import { cohortQueryFor } from "./preview.ts";

/**
 * Why one vehicle is or is not in a rule's cohort at `asOf`: each condition,
 * whether it held, and the dates behind it.
 */
export async function explainCohort(
  db: Database,
  input: { ruleId: number; vehicleId: number; asOf: Date },
) {
  const query = await cohortQueryFor(
    db.prisma,
    { ruleId: input.ruleId },
    input.asOf,
  );
  const [facts] = await loadVehicleFacts(
    db.prisma,
    [input.vehicleId],
    input.ruleId,
  );
  if (!facts) {
    throw notFound("vehicle", input.vehicleId, "vehicleId");
  }
  const result = evaluateVehicle(facts, query);
  const { anchor, checks } = result;

  return {
    ruleId: input.ruleId,
    vehicleId: input.vehicleId,
    asOf: query.asOf,
    timeZone: query.timeZone,
    today: result.today,
    isEligible: result.isDue && result.excludedBy === null,
    excludedBy: result.isDue ? result.excludedBy : ("notDue" as const),
    estimatedMileage: result.estimatedMileage,
    conditions: [
      {
        condition: "due" as const,
        holds: result.isDue,
        detail: {
          isActive: facts.vehicle.status === "ACTIVE",
          vehicleStatus: facts.vehicle.status,
          lastServiceAt: anchor?.lastServiceAt ?? null,
          countedFrom: anchor?.anchorAt ?? null,
          dueDate: anchor?.dueDate ?? null,
          dueAt: anchor
            ? startOfLocalDay(anchor.dueDate, query.timeZone)
            : null,
          dueByTimeDate: anchor?.timeDueDate ?? null,
          dueByMileageDate: anchor?.mileageDueDate ?? null,
        },
      },
      { condition: "noUpcomingAppointment" as const, ...checks.booked },
      { condition: "reachable" as const, ...checks.unreachable },
      { condition: "notAlreadyEmailed" as const, ...checks.alreadyEmailed },
      { condition: "notRecentlyEmailed" as const, ...checks.recentlyEmailed },
      { condition: "matchesFilters" as const, ...checks.filters },
    ],
  };
}
