import { expect } from "vitest";

import type { TestServer } from "../../src/testing.ts";
import { cohortBuilder } from "./builder.ts";

/**
 * One scope per test: its own service type and vehicle make, so rules in
 * one test file never see another test's vehicles among their eligible.
 */
export function cohortHarness(server: TestServer) {
  const build = cohortBuilder(server.db);
  let scopes = 0;

  return {
    build,
    async scope() {
      scopes += 1;
      const make = `Make${scopes}`;
      const type = await build.serviceType();
      const vehicle = (options: Parameters<typeof build.vehicle>[0] = {}) =>
        build.vehicle({ make, ...options });

      return { make, type, vehicle };
    },
    /** Asserts preview and explain agree on one vehicle, and returns it. */
    async decision(ruleId: number, vehicleId: number, asOf: Date | string) {
      const at = new Date(asOf);
      const [preview, explain] = await Promise.all([
        server.client.cohort.preview.query({ ruleId, asOf: at, limit: 500 }),
        server.client.cohort.explain.query({ ruleId, vehicleId, asOf: at }),
      ]);
      const isListed = preview.items.some((i) => i.vehicle.id === vehicleId);

      expect(isListed).toBe(explain.isEligible);

      return explain.isEligible ? "eligible" : explain.excludedBy;
    },
  };
}
