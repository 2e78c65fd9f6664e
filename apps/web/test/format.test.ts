import { afterEach, describe, expect, it, vi } from "vitest";

const zone = process.env.TZ;

afterEach(() => {
  process.env.TZ = zone;
});

/** The module as a browser west of UTC loads it: formats made there. */
async function formatWestOfUtc() {
  process.env.TZ = "America/Los_Angeles";
  vi.resetModules();

  return import("../src/format.ts");
}

describe("formatCalendarDate", () => {
  it("shows the shop's calendar day on a screen west of UTC", async () => {
    const { formatCalendarDate } = await formatWestOfUtc();
    // Midnight UTC on the 8th is still the 7th in Los Angeles.
    const shown = formatCalendarDate("2026-07-08");

    expect(shown).toMatch(/\b8\b/);
    expect(shown).not.toMatch(/\b7\b/);
    expect(shown).toContain("2026");
  });

  it("leaves anything that is not a calendar day as it is", async () => {
    const { formatCalendarDate } = await formatWestOfUtc();

    expect(formatCalendarDate("soon")).toBe("soon");
  });
});
