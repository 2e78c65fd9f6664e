import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestServer } from "../../src/testing.ts";
import { cohortHarness } from "./harness.ts";

let server: TestServer;
let h: ReturnType<typeof cohortHarness>;

beforeAll(async () => {
  server = await startTestServer();
  h = cohortHarness(server);
});

afterAll(async () => {
  await server?.close();
});

async function dueRule(cadenceMonths: number, timeZone = "UTC") {
  await h.build.shop(timeZone);
  const scope = await h.scope();
  const vehicle = await scope.vehicle();
  const rule = await h.build.rule({
    serviceTypeId: scope.type.id,
    cadenceMonths,
    filters: { make: scope.make },
  });

  return { ...scope, vehicle, rule };
}

describe("condition 1: due by the calendar", () => {
  // Each case: serviced at, not yet due at, due from (the local midnight).
  it.each([
    {
      what: "is due from the start of the same day of the month, not before",
      timeZone: "UTC",
      cadence: 6,
      servicedAt: "2026-06-03T17:45:00Z",
      notYet: "2026-12-02T23:59:59Z",
      dueFrom: "2026-12-03T00:00:00Z",
    },
    {
      what: "clamps 31 August plus six months to 28 February",
      timeZone: "UTC",
      cadence: 6,
      servicedAt: "2026-08-31T09:00:00Z",
      notYet: "2027-02-27T23:00:00Z",
      dueFrom: "2027-02-28T00:00:00Z",
    },
    {
      what: "clamps 31 August plus six months to 29 February in a leap year",
      timeZone: "UTC",
      cadence: 6,
      servicedAt: "2027-08-31T09:00:00Z",
      notYet: "2028-02-28T23:59:00Z",
      dueFrom: "2028-02-29T00:00:00Z",
    },
    {
      what: "takes a 29 February service a year on to 28 February",
      timeZone: "UTC",
      cadence: 12,
      servicedAt: "2028-02-29T12:00:00Z",
      notYet: "2029-02-27T23:59:00Z",
      dueFrom: "2029-02-28T00:00:00Z",
    },
    {
      // 11:00 UTC on 2 June is 01:00 on 3 June in Kiritimati.
      what: "counts days in the shop's time zone on Kiritimati (UTC+14)",
      timeZone: "Pacific/Kiritimati",
      cadence: 6,
      servicedAt: "2026-06-02T11:00:00Z",
      notYet: "2026-12-02T09:59:00Z",
      dueFrom: "2026-12-02T10:00:00Z",
    },
    {
      // 13:30 UTC on 31 March is 1 April in Auckland; NZDT (UTC+13) begins
      // on 27 September, so 1 October starts at 11:00 UTC on 30 September.
      what: "counts days in Auckland across its daylight-saving change",
      timeZone: "Pacific/Auckland",
      cadence: 6,
      servicedAt: "2026-03-31T13:30:00Z",
      notYet: "2026-09-30T10:59:00Z",
      dueFrom: "2026-09-30T11:00:00Z",
    },
  ])("$what", async ({ timeZone, cadence, servicedAt, notYet, dueFrom }) => {
    const { type, vehicle, rule } = await dueRule(cadence, timeZone);
    await h.build.service(vehicle.id, type.id, servicedAt);

    expect(await h.decision(rule.id, vehicle.id, notYet)).toBe("notDue");
    expect(await h.decision(rule.id, vehicle.id, dueFrom)).toBe("eligible");
  });

  it("counts only the latest service of the rule's type", async () => {
    const { type, vehicle, rule } = await dueRule(6);
    const other = await h.build.serviceType();
    await h.build.service(vehicle.id, type.id, "2026-01-10T12:00:00Z");
    await h.build.service(vehicle.id, type.id, "2026-05-10T12:00:00Z");
    await h.build.service(vehicle.id, other.id, "2026-07-01T12:00:00Z");

    expect(await h.decision(rule.id, vehicle.id, "2026-11-09T12:00:00Z")).toBe(
      "notDue",
    );
    expect(await h.decision(rule.id, vehicle.id, "2026-11-10T12:00:00Z")).toBe(
      "eligible",
    );
  });

  it("leaves out sold and inactive vehicles", async () => {
    const { type, rule, vehicle: sold, make } = await dueRule(6);
    const inactive = await h.build.vehicle({ make, status: "INACTIVE" });
    await server.db.prisma.vehicle.update({
      where: { id: sold.id },
      data: { status: "SOLD" },
    });
    await h.build.service(sold.id, type.id, "2026-01-10T12:00:00Z");
    await h.build.service(inactive.id, type.id, "2026-01-10T12:00:00Z");

    expect(await h.decision(rule.id, sold.id, "2026-12-01T00:00:00Z")).toBe(
      "notDue",
    );
    expect(await h.decision(rule.id, inactive.id, "2026-12-01T00:00:00Z")).toBe(
      "notDue",
    );
  });

  it("ignores services performed after asOf", async () => {
    const { type, vehicle, rule } = await dueRule(6);
    await h.build.service(vehicle.id, type.id, "2026-01-10T12:00:00Z");
    await h.build.service(vehicle.id, type.id, "2026-08-10T12:00:00Z");

    expect(await h.decision(rule.id, vehicle.id, "2026-07-15T00:00:00Z")).toBe(
      "eligible",
    );
  });

  it("counts never-serviced vehicles from their first visit when opted in", async () => {
    await h.build.shop("UTC");
    const scope = await h.scope();
    const vehicle = await scope.vehicle();
    const other = await h.build.serviceType();
    await h.build.service(vehicle.id, other.id, "2026-01-15T12:00:00Z");
    await h.build.service(vehicle.id, other.id, "2026-03-15T12:00:00Z");
    const optedIn = await h.build.rule({
      serviceTypeId: scope.type.id,
      includeNeverServiced: true,
      filters: { make: scope.make },
    });
    const optedOut = await h.build.rule({
      serviceTypeId: scope.type.id,
      filters: { make: scope.make },
    });

    expect(
      await h.decision(optedIn.id, vehicle.id, "2026-07-14T12:00:00Z"),
    ).toBe("notDue");
    expect(
      await h.decision(optedIn.id, vehicle.id, "2026-07-15T00:00:00Z"),
    ).toBe("eligible");
    expect(
      await h.decision(optedOut.id, vehicle.id, "2026-12-15T00:00:00Z"),
    ).toBe("notDue");
  });
});

describe("condition 1: due by the miles", () => {
  it("is due when the vehicle's own rate reaches the interval first", async () => {
    await h.build.shop("UTC");
    const scope = await h.scope();
    const vehicle = await scope.vehicle();
    const other = await h.build.serviceType();
    const rule = await h.build.rule({
      serviceTypeId: scope.type.id,
      cadenceMonths: 12,
      mileageInterval: 5_000,
      filters: { make: scope.make },
    });
    await h.build.service(vehicle.id, other.id, "2026-01-01T12:00:00Z", {
      odometer: 10_000,
    });
    // 3,000 miles in 60 days: 50 a day, so 5,000 more take 100 days.
    await h.build.service(vehicle.id, scope.type.id, "2026-03-02T12:00:00Z", {
      odometer: 13_000,
    });

    expect(await h.decision(rule.id, vehicle.id, "2026-06-09T23:00:00Z")).toBe(
      "notDue",
    );
    expect(await h.decision(rule.id, vehicle.id, "2026-06-10T00:00:00Z")).toBe(
      "eligible",
    );

    const explained = await server.client.cohort.explain.query({
      ruleId: rule.id,
      vehicleId: vehicle.id,
      asOf: new Date("2026-06-10T00:00:00Z"),
    });

    expect(explained.estimatedMileage).toBe(18_000);
    expect(explained.conditions[0]?.detail).toMatchObject({
      dueByMileageDate: "2026-06-10",
      dueByTimeDate: "2027-03-02",
    });
  });

  it("uses the default rate for a vehicle with one reading", async () => {
    await h.build.shop("UTC");
    const scope = await h.scope();
    const vehicle = await scope.vehicle();
    const rule = await h.build.rule({
      serviceTypeId: scope.type.id,
      cadenceMonths: 12,
      mileageInterval: 3_300,
      filters: { make: scope.make },
    });
    await h.build.service(vehicle.id, scope.type.id, "2026-01-01T12:00:00Z", {
      odometer: 20_000,
    });

    // 33 miles a day: 3,300 miles take 100 days.
    expect(await h.decision(rule.id, vehicle.id, "2026-04-10T12:00:00Z")).toBe(
      "notDue",
    );
    expect(await h.decision(rule.id, vehicle.id, "2026-04-11T00:00:00Z")).toBe(
      "eligible",
    );
  });
});
