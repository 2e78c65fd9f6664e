import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  createTestClock,
  startTestServer,
  type TestServer,
} from "../src/testing.ts";
import { createOwner, createShop } from "./support/test-data.ts";

// A Monday noon; the shop opens weekdays 08:00 to 17:00 with one bay.
const clock = createTestClock(new Date("2026-06-15T12:00:00Z"));
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ clock });
  await createShop(server.db, { bayCapacity: 1 });
});

afterAll(async () => {
  await server?.close();
});

describe("appointment.slots", () => {
  it("offers staff the free hours from now, leaving out a full one", async () => {
    const { vehicle } = await createOwner(server.db);
    await server.client.appointment.create.mutate({
      vehicleId: vehicle.id,
      scheduledFor: new Date("2026-06-15T14:00:00Z"),
    });

    const { timeZone, slots } = await server.client.appointment.slots.query({});

    expect(timeZone).toBe("UTC");
    expect(slots.slice(0, 3)).toEqual([
      new Date("2026-06-15T13:00:00Z"),
      new Date("2026-06-15T15:00:00Z"),
      new Date("2026-06-15T16:00:00Z"),
    ]);
    expect(slots[3]).toEqual(new Date("2026-06-16T08:00:00Z"));
  });

  it("starts from a later day when asked, and never before now", async () => {
    const later = await server.client.appointment.slots.query({
      from: new Date("2026-06-17T00:00:00Z"),
    });
    const past = await server.client.appointment.slots.query({
      from: new Date("2026-06-01T00:00:00Z"),
    });

    expect(later.slots[0]).toEqual(new Date("2026-06-17T08:00:00Z"));
    expect(past.slots[0]).toEqual(new Date("2026-06-15T13:00:00Z"));
  });
});
