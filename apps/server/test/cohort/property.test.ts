import {
  addMonths,
  evaluateVehicle,
  loadVehicleFacts,
  localDateOf,
  startOfLocalDay,
} from "@rally/api/cohort-testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestServer } from "../../src/testing.ts";
import { seedRandomShop, shopShape, type Shop } from "./random-shop.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

/** Moves asOf to the local midnight a vehicle falls due, give or take. */
function onBoundary(shop: Shop) {
  const record = shop.vehicles[0]?.records[0];
  if (shop.boundaryMinutes === null || !record) {
    return;
  }
  const dueDate = addMonths(
    localDateOf(record.at, shop.timeZone),
    shop.rule.cadenceMonths,
  );
  const midnight = startOfLocalDay(dueDate, shop.timeZone);
  shop.asOf = new Date(midnight.getTime() + shop.boundaryMinutes * 60_000);
}

/** Every vehicle judged one at a time in TypeScript, the slow obvious way. */
async function bruteForce(ruleId: number, shop: Shop) {
  const { prisma } = server.db;
  const rule = await prisma.rule.findUniqueOrThrow({ where: { id: ruleId } });
  const ids = (await prisma.vehicle.findMany({ select: { id: true } })).map(
    (v) => v.id,
  );
  const facts = await loadVehicleFacts(prisma, ids, ruleId);
  const query = {
    criteria: {
      ...rule,
      filters: rule.filters as Record<string, never>,
    },
    ruleId,
    asOf: shop.asOf,
    timeZone: shop.timeZone,
    frequencyCapDays: shop.capDays,
  };
  const results = facts.map((f) => ({
    id: f.vehicle.id,
    ...evaluateVehicle(f, query),
  }));

  return {
    eligible: results
      .filter((r) => r.isDue && r.excludedBy === null)
      .map((r) => r.id)
      .sort((a, b) => a - b),
    excluded: results.filter((r) => r.isDue && r.excludedBy !== null).length,
  };
}

describe("cohort preview against brute force", () => {
  it("finds the same eligible vehicles as judging each one in turn", async () => {
    const numRuns = Number(process.env.PROPERTY_RUNS ?? 30);
    let runsWithEligible = 0;
    let runsWithExcluded = 0;
    await fc.assert(
      fc.asyncProperty(shopShape, async (shop) => {
        onBoundary(shop);
        const ruleId = await seedRandomShop(server.db, shop);
        const expected = await bruteForce(ruleId, shop);
        const preview = await server.client.cohort.preview.query({
          ruleId,
          asOf: shop.asOf,
          limit: 500,
        });
        const listed = preview.items.map((i) => i.vehicle.id);

        expect(preview.total).toBe(expected.eligible.length);
        expect(listed.sort((a, b) => a - b)).toEqual(expected.eligible);
        expect(preview.due - preview.total).toBe(expected.excluded);

        runsWithEligible += preview.total > 0 ? 1 : 0;
        runsWithExcluded += expected.excluded > 0 ? 1 : 0;
      }),
      { numRuns },
    );

    // Random shops where nobody is due would prove nothing.
    expect(runsWithEligible).toBeGreaterThanOrEqual(numRuns / 10);
    expect(runsWithExcluded).toBeGreaterThanOrEqual(numRuns / 10);
  }, 180_000);
});
