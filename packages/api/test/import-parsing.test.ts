import { describe, expect, it } from "vitest";

import { createDateParser } from "../src/services/import/dates.ts";
import { fieldsByKind } from "../src/services/import/fields.ts";
import { resolveMapping } from "../src/services/import/mapping.ts";

describe("import dates", () => {
  const chicago = createDateParser("MDY", "America/Chicago");

  it("reads the common formats as the same day, at noon in the shop's zone", () => {
    const noon = new Date("2026-03-04T18:00:00Z");

    expect(chicago("2026-03-04")).toEqual(noon);
    expect(chicago("03/04/2026")).toEqual(noon);
    expect(chicago("04.03.2026")).toEqual(noon);
    expect(chicago("2026/03/04")).toEqual(noon);
  });

  it("keeps local times across the spring DST change", () => {
    expect(chicago("2026-03-07 09:00")).toEqual(
      new Date("2026-03-07T15:00:00Z"),
    );
    expect(chicago("2026-03-09 09:00")).toEqual(
      new Date("2026-03-09T14:00:00Z"),
    );
    expect(chicago("3/9/2026 2:30 PM")).toEqual(
      new Date("2026-03-09T19:30:00Z"),
    );
  });

  it("honours an explicit offset", () => {
    expect(chicago("2026-03-04T09:00:00+02:00")).toEqual(
      new Date("2026-03-04T07:00:00Z"),
    );
  });

  it("reads slashed dates in the file's order and rejects impossible ones with a hint", () => {
    const dayFirst = createDateParser("DMY", "UTC");

    expect(dayFirst("03/04/2026")).toEqual(new Date("2026-04-03T12:00:00Z"));
    expect(() => chicago("13/04/2026")).toThrow(/dateOrder DMY/);
    expect(() => chicago("2026-02-30")).toThrow(/not a real date/);
    expect(() => chicago("yesterday")).toThrow(/known format/);
  });
});

describe("import column guesses", () => {
  it("maps shop-system headers to fields and lists the rest", () => {
    const { mapping, ignoredColumns } = resolveMapping(
      fieldsByKind.vehicles,
      ["Vehicle ID", "Cust #", "VIN", "Make", "Model", "Model Year", "Color"],
      { customerExternalId: "Cust #" },
    );

    expect(mapping).toEqual({
      customerExternalId: "Cust #",
      externalId: "Vehicle ID",
      vin: "VIN",
      make: "Make",
      model: "Model",
      year: "Model Year",
    });
    expect(ignoredColumns).toEqual(["Color"]);
  });

  it("names a required field no column provides", () => {
    expect(() =>
      resolveMapping(fieldsByKind.customers, ["id", "first"]),
    ).toThrow(/lastName/);
  });
});
