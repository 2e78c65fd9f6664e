import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  createTestClock,
  errorOf,
  startTestServer,
  type TestServer,
} from "../src/testing.ts";
import { createOwner, createServiceType } from "./support/test-data.ts";

const clock = createTestClock(new Date("2026-06-15T12:00:00Z"));
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ clock });
});

afterAll(async () => {
  await server?.close();
});

const tomorrow = new Date("2026-06-16T09:00:00Z");

describe("the appointment lifecycle", () => {
  it("creates, lists by day, reschedules and cancels an appointment", async () => {
    const { vehicle } = await createOwner(server.db);
    const created = await server.client.appointment.create.mutate({
      vehicleId: vehicle.id,
      scheduledFor: tomorrow,
      notes: "Rattle on the left",
    });
    const moved = await server.client.appointment.update.mutate({
      id: created.id,
      scheduledFor: new Date("2026-06-17T10:00:00Z"),
    });
    const listed = await server.client.appointment.list.query({
      vehicleId: vehicle.id,
    });
    const cancelled = await server.client.appointment.cancel.mutate({
      id: created.id,
    });

    expect(created).toMatchObject({ status: "SCHEDULED", source: "CONSOLE" });
    expect(moved.scheduledFor).toEqual(new Date("2026-06-17T10:00:00Z"));
    expect(listed.items.map((a) => [a.id, a.day])).toEqual([
      [created.id, "2026-06-17"],
    ]);
    expect(cancelled.status).toBe("CANCELLED");
  });

  it("pages the upcoming list in time order", async () => {
    const { vehicle } = await createOwner(server.db);
    for (const hour of [11, 9, 10]) {
      await server.client.appointment.create.mutate({
        vehicleId: vehicle.id,
        scheduledFor: new Date(
          `2026-06-18T${String(hour).padStart(2, "0")}:00:00Z`,
        ),
      });
    }
    const first = await server.client.appointment.list.query({
      vehicleId: vehicle.id,
      limit: 2,
    });
    const second = await server.client.appointment.list.query({
      vehicleId: vehicle.id,
      limit: 2,
      cursor: first.nextCursor,
    });

    expect(
      [...first.items, ...second.items].map((a) =>
        a.scheduledFor.getUTCHours(),
      ),
    ).toEqual([9, 10, 11]);
    expect(second.nextCursor).toBeUndefined();
  });

  it("completes a visit and records the service, moving the due date", async () => {
    const { vehicle } = await createOwner(server.db);
    const oil = await createServiceType(server.db);
    const appointment = await server.client.appointment.create.mutate({
      vehicleId: vehicle.id,
      serviceTypeId: oil.id,
      scheduledFor: tomorrow,
    });
    clock.set(new Date("2026-06-16T10:30:00Z"));
    const done = await server.client.appointment.complete.mutate({
      id: appointment.id,
      odometer: 51_000,
    });
    clock.set(new Date("2026-06-15T12:00:00Z"));
    const fetched = await server.client.vehicle.get.query({ id: vehicle.id });

    expect(done.appointment.status).toBe("COMPLETED");
    expect(fetched.serviceRecords[0]).toMatchObject({
      performedAt: new Date("2026-06-16T10:30:00Z"),
      odometer: 51_000,
      serviceType: { id: oil.id },
    });
  });

  it("refuses an illegal transition as CONFLICT with the reason", async () => {
    const { vehicle } = await createOwner(server.db);
    const appointment = await server.client.appointment.create.mutate({
      vehicleId: vehicle.id,
      scheduledFor: tomorrow,
    });
    await server.client.appointment.noShow.mutate({ id: appointment.id });
    const error = await errorOf(
      server.client.appointment.complete.mutate({ id: appointment.id }),
    );

    expect(error.data?.code).toBe("CONFLICT");
    expect(error.message).toContain("is NO_SHOW");
  });

  it("asks which service was done when the appointment names none", async () => {
    const { vehicle } = await createOwner(server.db);
    const appointment = await server.client.appointment.create.mutate({
      vehicleId: vehicle.id,
      scheduledFor: tomorrow,
    });
    const error = await errorOf(
      server.client.appointment.complete.mutate({ id: appointment.id }),
    );

    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.data?.fieldErrors[0]?.path).toBe("serviceTypeId");
  });

  it("reports a missing vehicle as NOT_FOUND naming the field", async () => {
    const error = await errorOf(
      server.client.appointment.create.mutate({
        vehicleId: 987_654,
        scheduledFor: tomorrow,
      }),
    );

    expect(error.data?.code).toBe("NOT_FOUND");
    expect(error.data?.fieldErrors[0]?.path).toBe("vehicleId");
  });
});
