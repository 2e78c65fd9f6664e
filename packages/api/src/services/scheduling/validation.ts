import { DomainError } from "../../errors.ts";
import type { Recurrence } from "./occurrences.ts";

/**
 * Checks that hold across fields, so they are checked again on the merged
 * schedule when an update changes only some of them.
 */
export function assertValidRecurrence(recurrence: Recurrence) {
  if (recurrence.frequency === "WEEKLY" && recurrence.daysOfWeek.length === 0) {
    throw invalid("a WEEKLY schedule needs at least one weekday", "daysOfWeek");
  }
  if (
    recurrence.frequency === "MONTHLY" &&
    !recurrence.isLastDayOfMonth &&
    recurrence.dayOfMonth == null
  ) {
    throw invalid(
      "a MONTHLY schedule needs a day of the month or isLastDayOfMonth",
      "dayOfMonth",
    );
  }
  const { startDate, endDate } = recurrence;
  // ISO dates compare correctly as strings.
  if (startDate && endDate && endDate < startDate) {
    throw invalid(
      `the end date ${endDate} is before the start date ${startDate}`,
      "endDate",
    );
  }
}

function invalid(message: string, field: string) {
  return new DomainError("INVALID_INPUT", message, field);
}
