import { describe, expect, it } from "vitest";

import { shopDefaults } from "../src/services/bookings/shop.ts";
import { slotStarts } from "../src/services/bookings/slots.ts";

const chicago = {
  ...shopDefaults,
  timeZone: "America/Chicago",
  openingHours: [{ day: 1, open: "08:00", close: "10:00" }],
  bookingHorizonDays: 7,
};

describe("slotStarts", () => {
  it("places slots at local opening hours in summer time", () => {
    const starts = slotStarts(chicago, new Date("2026-06-14T12:00:00Z"));

    expect(starts).toEqual([
      new Date("2026-06-15T13:00:00Z"),
      new Date("2026-06-15T14:00:00Z"),
    ]);
  });

  it("keeps 08:00 local time after the autumn clock change", () => {
    const starts = slotStarts(chicago, new Date("2026-10-31T12:00:00Z"));

    expect(starts[0]).toEqual(new Date("2026-11-02T14:00:00Z"));
  });

  it("offers nothing already begun", () => {
    const starts = slotStarts(chicago, new Date("2026-06-15T13:30:00Z"));

    expect(starts[0]).toEqual(new Date("2026-06-15T14:00:00Z"));
  });
});
