import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startTestServer, type TestServer } from "../../src/testing.ts";
import { cohortHarness } from "./harness.ts";

let server: TestServer;
let h: ReturnType<typeof cohortHarness>;

const serviced = "2026-01-10T12:00:00Z";
const asOf = "2026-08-01T12:00:00Z";

beforeAll(async () => {
  server = await startTestServer();
  h = cohortHarness(server);
});

beforeEach(async () => {
  await h.build.shop("UTC", 7);
});

afterAll(async () => {
  await server?.close();
});

/** A vehicle due since 10 July for a fresh six-month rule. */
async function dueVehicle(
  vehicleOptions: Parameters<typeof h.build.vehicle>[0] = {},
  filters: Record<string, unknown> = {},
) {
  const scope = await h.scope();
  const vehicle = await scope.vehicle(vehicleOptions);
  await h.build.service(vehicle.id, scope.type.id, serviced);
  const rule = await h.build.rule({
    serviceTypeId: scope.type.id,
    filters: { make: scope.make, ...filters },
  });

  return { ...scope, vehicle, rule };
}

describe("condition 2: no upcoming appointment", () => {
  it("leaves out a vehicle with a scheduled appointment after asOf", async () => {
    const { vehicle, rule } = await dueVehicle();
    await h.build.appointment(vehicle.id, "2026-08-05T09:00:00Z");

    expect(await h.decision(rule.id, vehicle.id, asOf)).toBe("booked");
  });

  it("ignores cancelled and past appointments", async () => {
    const { vehicle, rule } = await dueVehicle();
    await h.build.appointment(vehicle.id, "2026-08-05T09:00:00Z", "CANCELLED");
    await h.build.appointment(vehicle.id, "2026-07-20T09:00:00Z");

    expect(await h.decision(rule.id, vehicle.id, asOf)).toBe("eligible");
  });
});

describe("condition 3: an address that is not suppressed", () => {
  it("leaves out an owner without an email address", async () => {
    const customer = await h.build.customer(null);
    const { vehicle, rule } = await dueVehicle({ customerId: customer.id });

    expect(await h.decision(rule.id, vehicle.id, asOf)).toBe("unreachable");
  });

  it("leaves out a suppressed address whatever its case", async () => {
    const customer = await h.build.customer("Gone.Away@Example.com");
    await h.build.suppress("gone.away@example.com");
    const { vehicle, rule } = await dueVehicle({ customerId: customer.id });

    expect(await h.decision(rule.id, vehicle.id, asOf)).toBe("unreachable");
  });
});

describe("condition 4: one reminder per due period", () => {
  it("leaves out a vehicle emailed for the rule since its service", async () => {
    const { vehicle, rule } = await dueVehicle();
    await h.build.emailed({
      ruleId: rule.id,
      vehicleId: vehicle.id,
      customerId: vehicle.customerId,
      at: "2026-07-11T10:00:00Z",
    });

    expect(await h.decision(rule.id, vehicle.id, asOf)).toBe("alreadyEmailed");
  });

  it("counts a recipient still waiting for its email in a running campaign", async () => {
    const { vehicle, rule } = await dueVehicle();
    await h.build.emailed({
      ruleId: rule.id,
      vehicleId: vehicle.id,
      customerId: vehicle.customerId,
      at: "2026-07-30T10:00:00Z",
      campaignStatus: "SENDING",
      emailStatus: null,
    });

    expect(await h.decision(rule.id, vehicle.id, asOf)).toBe("alreadyEmailed");
  });

  it("does not count controls, unsent emails or emails before the service", async () => {
    const { vehicle, rule } = await dueVehicle();
    const base = {
      ruleId: rule.id,
      vehicleId: vehicle.id,
      customerId: vehicle.customerId,
    };
    await h.build.emailed({
      ...base,
      at: "2026-07-11T00:00:00Z",
      isControl: true,
    });
    await h.build.emailed({
      ...base,
      at: "2026-07-12T00:00:00Z",
      emailStatus: "CANCELLED",
    });
    await h.build.emailed({
      ...base,
      at: "2026-07-13T00:00:00Z",
      emailStatus: "FAILED",
    });
    await h.build.emailed({
      ...base,
      at: "2026-07-14T00:00:00Z",
      emailStatus: null,
      campaignStatus: "CANCELLED",
    });
    await h.build.emailed({ ...base, at: "2026-01-01T00:00:00Z" });

    expect(await h.decision(rule.id, vehicle.id, asOf)).toBe("eligible");
  });

  it("is due again after the next service", async () => {
    const { vehicle, rule, type } = await dueVehicle();
    await h.build.emailed({
      ruleId: rule.id,
      vehicleId: vehicle.id,
      customerId: vehicle.customerId,
      at: "2026-07-11T10:00:00Z",
    });
    await h.build.service(vehicle.id, type.id, "2026-07-20T10:00:00Z");

    expect(await h.decision(rule.id, vehicle.id, "2027-01-20T00:00:00Z")).toBe(
      "eligible",
    );
  });
});

describe("condition 5: the frequency cap", () => {
  async function emailedByAnotherRule(at: string) {
    const due = await dueVehicle();
    const other = await h.build.rule({ serviceTypeId: due.type.id });
    await h.build.emailed({
      ruleId: other.id,
      vehicleId: due.vehicle.id,
      customerId: due.vehicle.customerId,
      at,
    });

    return due;
  }

  it("leaves out an owner emailed by any campaign within the cap", async () => {
    const { vehicle, rule } = await emailedByAnotherRule(
      "2026-07-25T12:00:01Z",
    );

    expect(await h.decision(rule.id, vehicle.id, asOf)).toBe("recentlyEmailed");
  });

  it("lets an owner in once the cap has passed", async () => {
    const { vehicle, rule } = await emailedByAnotherRule(
      "2026-07-25T12:00:00Z",
    );

    expect(await h.decision(rule.id, vehicle.id, asOf)).toBe("eligible");
  });

  it("uses the shop's own cap", async () => {
    await h.build.shop("UTC", 30);
    const { vehicle, rule } = await emailedByAnotherRule(
      "2026-07-10T12:00:00Z",
    );

    expect(await h.decision(rule.id, vehicle.id, asOf)).toBe("recentlyEmailed");
  });
});

describe("condition 6: the rule's filters", () => {
  it("matches make and model without regard to case, and the year range", async () => {
    const matching = await dueVehicle(
      { model: "Corolla", year: 2015 },
      { model: "COROLLA", yearMin: 2010, yearMax: 2015 },
    );
    const tooNew = await dueVehicle(
      { model: "Corolla", year: 2016 },
      { model: "corolla", yearMax: 2015 },
    );
    const otherModel = await dueVehicle(
      { model: "Yaris" },
      { model: "Corolla" },
    );

    expect(await h.decision(matching.rule.id, matching.vehicle.id, asOf)).toBe(
      "eligible",
    );
    expect(await h.decision(tooNew.rule.id, tooNew.vehicle.id, asOf)).toBe(
      "filters",
    );
    expect(
      await h.decision(otherModel.rule.id, otherModel.vehicle.id, asOf),
    ).toBe("filters");
  });

  it("keeps owners who visited within the months given, with any vehicle", async () => {
    const recent = await dueVehicle({}, { visitedWithinMonths: 6 });
    const gone = await dueVehicle({}, { visitedWithinMonths: 6 });
    const second = await h.build.vehicle({
      customerId: recent.vehicle.customerId,
    });
    await h.build.service(second.id, recent.type.id, "2026-02-01T12:00:00Z");

    expect(await h.decision(recent.rule.id, recent.vehicle.id, asOf)).toBe(
      "eligible",
    );
    expect(await h.decision(gone.rule.id, gone.vehicle.id, asOf)).toBe(
      "filters",
    );
  });
});

describe("conditions together", () => {
  it("counts each left-out vehicle once, under the first condition it fails", async () => {
    const scope = await h.scope();
    const rule = await h.build.rule({
      serviceTypeId: scope.type.id,
      filters: { make: scope.make, yearMin: 2010 },
    });
    const unsubscribed = await h.build.customer("left@example.com");
    await h.build.suppress("left@example.com");
    const cases = {
      eligible: await scope.vehicle(),
      old: await scope.vehicle({ year: 2005, customerId: unsubscribed.id }),
      booked: await scope.vehicle({ customerId: unsubscribed.id }),
      unreachable: await scope.vehicle({ customerId: unsubscribed.id }),
      emailed: await scope.vehicle(),
    };
    for (const vehicle of Object.values(cases)) {
      await h.build.service(vehicle.id, scope.type.id, serviced);
    }
    await h.build.appointment(cases.booked.id, "2026-09-01T09:00:00Z");
    await h.build.emailed({
      ruleId: rule.id,
      vehicleId: cases.emailed.id,
      customerId: cases.emailed.customerId,
      at: "2026-07-31T12:00:00Z",
    });

    const preview = await server.client.cohort.preview.query({
      ruleId: rule.id,
      asOf: new Date(asOf),
    });

    expect(preview.total).toBe(1);
    expect(preview.excluded).toMatchObject({
      booked: 1,
      unreachable: 1,
      alreadyEmailed: 1,
    });
    expect(preview.items.map((i) => i.vehicle.id)).toEqual([cases.eligible.id]);
    expect(await h.decision(rule.id, cases.old.id, asOf)).toBe("filters");
    expect(await h.decision(rule.id, cases.emailed.id, asOf)).toBe(
      "alreadyEmailed",
    );
  });
});

describe("declined work", () => {
  it("reminds at each offset until the work is done", async () => {
    const scope = await h.scope();
    const brakes = await h.build.serviceType();
    const vehicle = await scope.vehicle();
    await h.build.service(vehicle.id, scope.type.id, "2026-01-10T12:00:00Z", {
      declined: [brakes.id],
    });
    const rule = await h.build.rule({
      kind: "DECLINED_WORK",
      serviceTypeId: brakes.id,
      declinedOffsetsDays: [30, 60],
      filters: { make: scope.make },
    });
    const emailedAt = (at: string) =>
      h.build.emailed({
        ruleId: rule.id,
        vehicleId: vehicle.id,
        customerId: vehicle.customerId,
        at,
      });

    expect(await h.decision(rule.id, vehicle.id, "2026-02-08T23:00:00Z")).toBe(
      "notDue",
    );
    expect(await h.decision(rule.id, vehicle.id, "2026-02-09T00:00:00Z")).toBe(
      "eligible",
    );

    const firstReminder = await server.client.cohort.preview.query({
      ruleId: rule.id,
      asOf: new Date("2026-02-09T12:00:00Z"),
    });

    expect(firstReminder.items[0]?.declinedItems).toEqual([
      { serviceTypeId: brakes.id, name: brakes.name, priceCents: 12_000 },
    ]);

    await emailedAt("2026-02-09T10:00:00Z");

    expect(await h.decision(rule.id, vehicle.id, "2026-03-10T12:00:00Z")).toBe(
      "alreadyEmailed",
    );
    expect(await h.decision(rule.id, vehicle.id, "2026-03-11T12:00:00Z")).toBe(
      "eligible",
    );

    await h.build.service(vehicle.id, brakes.id, "2026-03-12T12:00:00Z");

    expect(await h.decision(rule.id, vehicle.id, "2026-03-13T12:00:00Z")).toBe(
      "notDue",
    );
  });
});
