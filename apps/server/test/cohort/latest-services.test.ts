import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestServer } from "../../src/testing.ts";
import { importFinished } from "../support/imports.ts";
import { cohortBuilder } from "./builder.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 120_000);

afterAll(async () => {
  await server?.close();
});

/** latest_services as stored, in key order. */
async function stored() {
  const rows = await server.db.prisma.latestService.findMany({
    orderBy: [{ vehicleId: "asc" }, { serviceTypeId: "asc" }],
  });

  return rows.map((r) => ({ ...r, performedAt: r.performedAt.getTime() }));
}

/** The same table worked out from the whole history, in TypeScript. */
async function fromScratch() {
  const [records, vehicles] = await Promise.all([
    server.db.prisma.serviceRecord.findMany({
      select: {
        vehicleId: true,
        serviceTypeId: true,
        performedAt: true,
        odometer: true,
      },
    }),
    server.db.prisma.vehicle.findMany({
      select: { id: true, customerId: true, status: true },
    }),
  ]);
  const vehicleById = new Map(vehicles.map((v) => [v.id, v]));
  const latest = new Map<string, (typeof records)[number]>();
  for (const r of records) {
    const key = `${r.vehicleId}.${r.serviceTypeId}`;
    const best = latest.get(key);
    const isLater =
      !best ||
      r.performedAt > best.performedAt ||
      (r.performedAt.getTime() === best.performedAt.getTime() &&
        (r.odometer ?? -1) > (best.odometer ?? -1));
    if (isLater) {
      latest.set(key, r);
    }
  }

  return [...latest.values()]
    .map((r) => ({
      ...r,
      performedAt: r.performedAt.getTime(),
      customerId: vehicleById.get(r.vehicleId)!.customerId,
      vehicleActive: vehicleById.get(r.vehicleId)!.status === "ACTIVE",
    }))
    .sort(
      (a, b) => a.vehicleId - b.vehicleId || a.serviceTypeId - b.serviceTypeId,
    );
}

/** vehicle_visits worked out from the whole history, in TypeScript. */
async function visitsFromScratch() {
  const records = await server.db.prisma.serviceRecord.findMany({
    select: { vehicleId: true, performedAt: true, odometer: true },
  });
  const byVehicle = new Map<number, typeof records>();
  for (const r of records) {
    const list = byVehicle.get(r.vehicleId) ?? [];
    list.push(r);
    byVehicle.set(r.vehicleId, list);
  }
  // Earliest first and, at one instant, the lower reading (none last).
  const ascending = (a: (typeof records)[number], b: typeof a) =>
    a.performedAt.getTime() - b.performedAt.getTime() ||
    (a.odometer ?? Infinity) - (b.odometer ?? Infinity);

  return [...byVehicle.entries()]
    .map(([vehicleId, list]) => {
      const visits = list.sort(ascending);
      const readings = visits.filter((r) => r.odometer !== null);
      const first = visits[0]!;
      const firstReading = readings[0];
      const lastReading = readings.at(-1);

      return {
        vehicleId,
        firstVisitAt: first.performedAt,
        firstVisitOdometer: first.odometer,
        firstReadingAt: firstReading?.performedAt ?? null,
        firstReadingOdometer: firstReading?.odometer ?? null,
        lastReadingAt: lastReading?.performedAt ?? null,
        lastReadingOdometer: lastReading?.odometer ?? null,
      };
    })
    .sort((a, b) => a.vehicleId - b.vehicleId);
}

async function expectInStep() {
  const [actual, expected, visits, expectedVisits] = await Promise.all([
    stored(),
    fromScratch(),
    server.db.prisma.vehicleVisits.findMany({ orderBy: { vehicleId: "asc" } }),
    visitsFromScratch(),
  ]);

  expect(expected.length).toBeGreaterThan(0);
  expect(actual).toEqual(expected);
  expect(visits).toEqual(expectedVisits);
}

/** Waits for an import job to stop running, through its progress events. */
async function imported(content: string) {
  const { client } = server;
  const job = await client.import.start.mutate({
    kind: "serviceRecords",
    content,
  });
  await importFinished(client, job.id);

  return client.import.get.query({ id: job.id });
}

describe("the stored latest service per vehicle and type, and visits per vehicle", () => {
  it("follows records created one at a time, in any order", async () => {
    const build = cohortBuilder(server.db);
    const oil = await build.serviceType("oil-change");
    const tires = await build.serviceType("tire-rotation");
    const car = await build.vehicle();
    const van = await build.vehicle();
    const add = (
      vehicleId: number,
      serviceTypeId: number,
      performedAt: string,
      odometer?: number,
    ) =>
      server.client.serviceRecord.create.mutate({
        vehicleId,
        serviceTypeId,
        performedAt: new Date(performedAt),
        odometer,
      });

    await add(car.id, oil.id, "2026-03-01T10:00:00Z", 40_000);
    await add(car.id, oil.id, "2025-09-01T10:00:00Z", 35_000);
    await add(car.id, oil.id, "2026-03-01T10:00:00Z", 40_100);
    await add(car.id, oil.id, "2026-03-01T10:00:00Z");
    await add(car.id, tires.id, "2026-01-15T09:00:00Z");
    await add(van.id, oil.id, "2025-12-24T12:00:00Z", 80_000);
    await add(van.id, oil.id, "2026-02-02T12:00:00Z", 82_000);

    await expectInStep();
    expect(
      await server.db.prisma.latestService.findUnique({
        where: {
          vehicleId_serviceTypeId: { vehicleId: car.id, serviceTypeId: oil.id },
        },
      }),
    ).toMatchObject({
      performedAt: new Date("2026-03-01T10:00:00Z"),
      odometer: 40_100,
    });
  });

  it("follows an import, and a second import that rewrites its records", async () => {
    const { prisma } = server.db;
    const customer = await prisma.customer.create({
      data: { firstName: "Ana", lastName: "Ruiz", externalId: "C1" },
    });
    await prisma.vehicle.createMany({
      data: ["V1", "V2"].map((externalId) => ({
        externalId,
        customerId: customer.id,
        make: "Honda",
        model: "Accord",
        year: 2019,
      })),
    });
    const header = "RO Number,Vehicle,Service,Date,Mileage";

    const first = await imported(
      [
        header,
        "R1,V1,oil-change,2025-03-14,45000",
        "R2,V1,oil-change,2025-11-20,53000",
        "R3,V2,oil-change,2025-10-01,",
        "R4,V2,tire-rotation,2025-10-01,20000",
      ].join("\n"),
    );
    await expectInStep();
    // R2 moves to the other vehicle and R4 to an earlier day: V1's latest
    // oil change is R1 again and V2's comes from R2.
    const second = await imported(
      [
        header,
        "R2,V2,oil-change,2025-11-20,53000",
        "R4,V2,tire-rotation,2024-05-05,19000",
      ].join("\n"),
    );

    expect([first.rowsOk, second.rowsOk]).toEqual([4, 2]);
    await expectInStep();
  });

  it("follows vehicles that change owner or are sold", async () => {
    const { prisma } = server.db;
    const build = cohortBuilder(server.db);
    const oil = await build.serviceType("oil-change-owners");
    const [car, van] = [await build.vehicle(), await build.vehicle()];
    for (const vehicle of [car, van]) {
      await server.client.serviceRecord.create.mutate({
        vehicleId: vehicle.id,
        serviceTypeId: oil.id,
        performedAt: new Date("2026-02-01T10:00:00Z"),
      });
    }
    const buyer = await build.customer();

    await prisma.vehicle.update({
      where: { id: car.id },
      data: { customerId: buyer.id },
    });
    await prisma.vehicle.updateMany({
      where: { id: { in: [car.id, van.id] } },
      data: { status: "SOLD" },
    });
    await expectInStep();
    expect(
      await prisma.latestService.findMany({
        where: { vehicleId: { in: [car.id, van.id] } },
        select: { customerId: true, vehicleActive: true },
        orderBy: { vehicleId: "asc" },
      }),
    ).toEqual([
      { customerId: buyer.id, vehicleActive: false },
      { customerId: van.customerId, vehicleActive: false },
    ]);

    await prisma.vehicle.update({
      where: { id: van.id },
      data: { status: "ACTIVE" },
    });
    await expectInStep();
  });

  it("follows records edited and deleted in the database", async () => {
    const { prisma } = server.db;
    const records = await prisma.serviceRecord.findMany({
      orderBy: { id: "asc" },
      select: { id: true },
    });
    await prisma.serviceRecord.update({
      where: { id: records[0]!.id },
      data: { performedAt: new Date("2027-01-01T00:00:00Z"), odometer: 1 },
    });
    await expectInStep();

    await prisma.serviceRecord.updateMany({
      data: { odometer: null },
      where: { odometer: { gt: 50_000 } },
    });
    await expectInStep();

    await prisma.declinedService.deleteMany({});
    await prisma.serviceRecord.deleteMany({
      where: { id: { in: records.slice(0, 5).map((r) => r.id) } },
    });
    await expectInStep();
  });
});
