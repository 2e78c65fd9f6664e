import { describe, expect, it } from "vitest";

import {
  nextOccurrence,
  occurrencesBetween,
  type Recurrence,
} from "../src/services/scheduling/occurrences.ts";

function daily(timeZone: string, timeOfDay: string): Recurrence {
  return {
    frequency: "DAILY",
    timeOfDay,
    daysOfWeek: [],
    dayOfMonth: null,
    isLastDayOfMonth: false,
    timeZone,
    startDate: null,
    endDate: null,
  };
}

function monthly(dayOfMonth: number | null, isLast = false): Recurrence {
  return {
    ...daily("UTC", "08:30"),
    frequency: "MONTHLY",
    dayOfMonth,
    isLastDayOfMonth: isLast,
  };
}

/** The next `count` occurrences after `from`, as ISO strings. */
function upcoming(recurrence: Recurrence, from: string, count: number) {
  const found: string[] = [];
  let after = new Date(from);
  for (let i = 0; i < count; i += 1) {
    const next = nextOccurrence(recurrence, after);
    if (!next) {
      break;
    }
    found.push(next.toISOString());
    after = next;
  }

  return found;
}

describe("occurrences in America/New_York", () => {
  it("keeps 09:00 local time across the spring DST change", () => {
    expect(
      upcoming(daily("America/New_York", "09:00"), "2026-03-06T15:00Z", 3),
    ).toEqual([
      "2026-03-07T14:00:00.000Z",
      "2026-03-08T13:00:00.000Z",
      "2026-03-09T13:00:00.000Z",
    ]);
  });

  it("keeps 09:00 local time across the autumn DST change", () => {
    expect(
      upcoming(daily("America/New_York", "09:00"), "2026-10-30T15:00Z", 3),
    ).toEqual([
      "2026-10-31T13:00:00.000Z",
      "2026-11-01T14:00:00.000Z",
      "2026-11-02T14:00:00.000Z",
    ]);
  });

  it("runs a time skipped by spring-forward at the first minute after it", () => {
    expect(
      upcoming(daily("America/New_York", "02:30"), "2026-03-07T00:00Z", 3),
    ).toEqual([
      "2026-03-07T07:30:00.000Z",
      // 03:00 EDT: 02:00 to 02:59 do not exist that day.
      "2026-03-08T07:00:00.000Z",
      "2026-03-09T06:30:00.000Z",
    ]);
  });

  it("runs a time repeated by fall-back once, at the first of the two", () => {
    expect(
      upcoming(daily("America/New_York", "01:30"), "2026-10-31T12:00Z", 3),
    ).toEqual([
      "2026-11-01T05:30:00.000Z",
      "2026-11-02T06:30:00.000Z",
      "2026-11-03T06:30:00.000Z",
    ]);
  });
});

describe("occurrences in Europe/Madrid", () => {
  it("keeps 09:00 local time across both DST changes", () => {
    const madrid = daily("Europe/Madrid", "09:00");

    expect(upcoming(madrid, "2026-03-28T00:00Z", 2)).toEqual([
      "2026-03-28T08:00:00.000Z",
      "2026-03-29T07:00:00.000Z",
    ]);
    expect(upcoming(madrid, "2026-10-24T00:00Z", 2)).toEqual([
      "2026-10-24T07:00:00.000Z",
      "2026-10-25T08:00:00.000Z",
    ]);
  });

  it("moves a skipped 02:30 to 03:00 and runs a repeated 02:30 once", () => {
    const madrid = daily("Europe/Madrid", "02:30");

    expect(upcoming(madrid, "2026-03-28T12:00Z", 2)).toEqual([
      "2026-03-29T01:00:00.000Z",
      "2026-03-30T00:30:00.000Z",
    ]);
    expect(upcoming(madrid, "2026-10-24T12:00Z", 2)).toEqual([
      "2026-10-25T00:30:00.000Z",
      "2026-10-26T01:30:00.000Z",
    ]);
  });
});

describe("occurrences in a zone without DST", () => {
  it("keeps a fixed offset in America/Argentina/Buenos_Aires all year", () => {
    const buenosAires = daily("America/Argentina/Buenos_Aires", "09:00");

    expect(upcoming(buenosAires, "2026-03-07T00:00Z", 2)).toEqual([
      "2026-03-07T12:00:00.000Z",
      "2026-03-08T12:00:00.000Z",
    ]);
    expect(upcoming(buenosAires, "2026-10-31T00:00Z", 2)).toEqual([
      "2026-10-31T12:00:00.000Z",
      "2026-11-01T12:00:00.000Z",
    ]);
  });
});

describe("monthly and weekly occurrences", () => {
  it("runs day 31 on the last day of shorter months", () => {
    expect(upcoming(monthly(31), "2026-01-01T00:00Z", 4)).toEqual([
      "2026-01-31T08:30:00.000Z",
      "2026-02-28T08:30:00.000Z",
      "2026-03-31T08:30:00.000Z",
      "2026-04-30T08:30:00.000Z",
    ]);
  });

  it("runs days 29 to 31 on 29 February in a leap year", () => {
    expect(upcoming(monthly(30), "2028-02-01T00:00Z", 1)).toEqual([
      "2028-02-29T08:30:00.000Z",
    ]);
    expect(upcoming(monthly(29), "2027-02-01T00:00Z", 1)).toEqual([
      "2027-02-28T08:30:00.000Z",
    ]);
    expect(upcoming(monthly(null, true), "2028-02-01T00:00Z", 2)).toEqual([
      "2028-02-29T08:30:00.000Z",
      "2028-03-31T08:30:00.000Z",
    ]);
  });

  it("runs on each chosen weekday", () => {
    const weekly: Recurrence = {
      ...daily("Europe/Madrid", "09:00"),
      frequency: "WEEKLY",
      daysOfWeek: [1, 4],
    };

    // 2026-06-15 is a Monday.
    expect(upcoming(weekly, "2026-06-15T12:00Z", 3)).toEqual([
      "2026-06-18T07:00:00.000Z",
      "2026-06-22T07:00:00.000Z",
      "2026-06-25T07:00:00.000Z",
    ]);
  });

  it("starts no earlier than the start date and stops after the end date", () => {
    const bounded: Recurrence = {
      ...daily("America/New_York", "09:00"),
      startDate: "2026-07-01",
      endDate: "2026-07-02",
    };

    expect(upcoming(bounded, "2026-06-15T12:00Z", 5)).toEqual([
      "2026-07-01T13:00:00.000Z",
      "2026-07-02T13:00:00.000Z",
    ]);
  });

  it("lists the newest missed occurrences up to a limit", () => {
    const missed = occurrencesBetween(
      daily("UTC", "09:00"),
      new Date("2026-06-01T00:00Z"),
      new Date("2026-06-10T10:00Z"),
      3,
    );

    expect(missed.map((at) => at.toISOString())).toEqual([
      "2026-06-08T09:00:00.000Z",
      "2026-06-09T09:00:00.000Z",
      "2026-06-10T09:00:00.000Z",
    ]);
  });
});
