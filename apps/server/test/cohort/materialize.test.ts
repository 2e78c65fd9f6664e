import { materializeCohort } from "@rally/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestServer } from "../../src/testing.ts";
import { cohortHarness } from "./harness.ts";

let server: TestServer;
let h: ReturnType<typeof cohortHarness>;

const asOf = new Date("2026-08-01T12:00:00Z");

beforeAll(async () => {
  server = await startTestServer();
  h = cohortHarness(server);
  await h.build.shop("America/Los_Angeles");
});

afterAll(async () => {
  await server?.close();
});

/** Six owners: one with three vehicles, serviced on different days. */
async function smallCohort() {
  const scope = await h.scope();
  const rule = await h.build.rule({
    serviceTypeId: scope.type.id,
    filters: { make: scope.make },
  });
  const fleet = await h.build.customer();
  const vehicles = [];
  for (let i = 0; i < 8; i += 1) {
    const vehicle = await scope.vehicle(i < 3 ? { customerId: fleet.id } : {});
    await h.build.service(
      vehicle.id,
      scope.type.id,
      `2026-01-${String(10 + i).padStart(2, "0")}T20:00:00Z`,
    );
    vehicles.push(vehicle);
  }

  return { ...scope, rule, fleet, vehicles };
}

describe("cohort preview pages", () => {
  it("lists the most overdue first and pages with a cursor", async () => {
    const { rule, vehicles } = await smallCohort();
    const first = await server.client.cohort.preview.query({
      ruleId: rule.id,
      asOf,
      limit: 5,
    });
    const second = await server.client.cohort.preview.query({
      ruleId: rule.id,
      asOf,
      limit: 5,
      cursor: first.nextCursor,
    });
    const ids = [...first.items, ...second.items].map((i) => i.vehicle.id);

    expect(first.total).toBe(8);
    expect(second.nextCursor).toBeUndefined();
    expect(ids).toEqual(vehicles.map((v) => v.id));
    expect(first.items[0]).toMatchObject({
      dueDate: "2026-07-10",
      daysOverdue: 22,
      dueAt: new Date("2026-07-10T07:00:00Z"),
    });
  });

  it("pages the same way for a rule that reads the history", async () => {
    const { type, make, vehicles } = await smallCohort();
    // Counting never-serviced vehicles from their first visit makes the
    // cohort aggregate history instead of reading one index range.
    const rule = await h.build.rule({
      serviceTypeId: type.id,
      includeNeverServiced: true,
      filters: { make },
    });
    const ids: number[] = [];
    let cursor: string | undefined;
    do {
      const page: Awaited<
        ReturnType<typeof server.client.cohort.preview.query>
      > = await server.client.cohort.preview.query({
        ruleId: rule.id,
        asOf,
        limit: 3,
        cursor,
      });
      ids.push(...page.items.map((i) => i.vehicle.id));
      cursor = page.nextCursor;
    } while (cursor);

    expect(ids).toEqual(vehicles.map((v) => v.id));
  });

  it("refuses a cursor it did not return", async () => {
    const { rule } = await smallCohort();

    await expect(
      server.client.cohort.preview.query({
        ruleId: rule.id,
        asOf,
        cursor: "2026-07-10.12",
      }),
    ).rejects.toMatchObject({
      data: { code: "BAD_REQUEST", fieldErrors: [{ path: "cursor" }] },
    });
  });

  it("previews unsaved criteria", async () => {
    const { type, make } = await smallCohort();
    const preview = await server.client.cohort.preview.query({
      criteria: { serviceTypeId: type.id, cadenceMonths: 7, filters: { make } },
      asOf,
    });

    // Serviced 10 to 17 January local: seven months on is 10 to 17 August.
    expect(preview.total).toBe(0);
    expect(preview.due).toBe(0);
  });
});

describe("materializeCohort", () => {
  it("writes exactly the previewed vehicles and then counts them as emailed", async () => {
    const { rule } = await smallCohort();
    const campaign = await h.build.campaign(rule.id, "QUEUED");
    const before = await server.client.cohort.preview.query({
      ruleId: rule.id,
      asOf,
      limit: 500,
    });

    const result = await server.db.prisma.$transaction((tx) =>
      materializeCohort(tx, {
        campaignId: campaign.id,
        ruleId: rule.id,
        asOf,
        controlShare: 0,
      }),
    );
    const rows = await server.db.prisma.campaignRecipient.findMany({
      where: { campaignId: campaign.id },
      orderBy: { vehicleId: "asc" },
    });
    const after = await server.client.cohort.preview.query({
      ruleId: rule.id,
      asOf,
    });

    expect(result).toEqual({ recipients: 8, controls: 0 });
    expect(rows.map((r) => r.vehicleId)).toEqual(
      before.items.map((i) => i.vehicle.id).sort((a, b) => a - b),
    );
    expect(rows[0]).toMatchObject({
      ruleId: rule.id,
      isControl: false,
      emailId: null,
      daysOverdue: 22,
      dueAt: new Date("2026-07-10T07:00:00Z"),
      lastServiceAt: new Date("2026-01-10T20:00:00Z"),
    });
    expect(after.total).toBe(0);
    expect(after.excluded.alreadyEmailed).toBe(8);
  });

  it("holds out a share of customers with all their vehicles", async () => {
    const { rule, fleet } = await smallCohort();
    const campaign = await h.build.campaign(rule.id, "QUEUED");

    const result = await server.db.prisma.$transaction((tx) =>
      materializeCohort(tx, {
        campaignId: campaign.id,
        ruleId: rule.id,
        asOf,
        controlShare: 0.5,
      }),
    );
    const rows = await server.db.prisma.campaignRecipient.findMany({
      where: { campaignId: campaign.id },
    });
    const fleetFlags = new Set(
      rows.filter((r) => r.customerId === fleet.id).map((r) => r.isControl),
    );
    const controlCustomers = new Set(
      rows.filter((r) => r.isControl).map((r) => r.customerId),
    );

    expect(result.recipients).toBe(8);
    expect(controlCustomers.size).toBe(3);
    expect(fleetFlags.size).toBe(1);
    expect(result.controls).toBe(rows.filter((r) => r.isControl).length);
  });

  it("writes each vehicle once when two runs of a rule overlap", async () => {
    const { rule } = await smallCohort();
    const campaigns = await Promise.all([
      h.build.campaign(rule.id, "QUEUED"),
      h.build.campaign(rule.id, "QUEUED"),
    ]);

    const results = await Promise.all(
      campaigns.map((campaign) =>
        server.db.prisma.$transaction(
          (tx) =>
            materializeCohort(tx, {
              campaignId: campaign.id,
              ruleId: rule.id,
              asOf,
              controlShare: 0,
            }),
          { timeout: 20_000 },
        ),
      ),
    );

    expect(results.map((r) => r.recipients).sort()).toEqual([0, 8]);
  });

  it("rejects a control share above one half", async () => {
    const { rule } = await smallCohort();
    const campaign = await h.build.campaign(rule.id, "QUEUED");

    await expect(
      server.db.prisma.$transaction((tx) =>
        materializeCohort(tx, {
          campaignId: campaign.id,
          ruleId: rule.id,
          asOf,
          controlShare: 0.6,
        }),
      ),
    ).rejects.toThrow(/control share 0.6/);
  });
});
