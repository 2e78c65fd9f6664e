import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestServer } from "../src/testing.ts";
import { repoDir, runScript } from "./spawn.ts";

let server: TestServer;
let vehicleId: number;
let token = "";
const examplesDir = path.join(repoDir, "examples");
const example = (script: string, ...args: string[]) =>
  runScript(script, args, {
    cwd: examplesDir,
    env: { RALLY_URL: server.url, RALLY_TOKEN: token },
  });

beforeAll(async () => {
  server = await startTestServer();
  token = await server.tokenFor("STAFF");
  const { client } = server;
  const oil = await client.serviceType.create.mutate({
    key: "oil-change",
    name: "Oil change",
    defaultCadenceMonths: 6,
  });
  const brakes = await client.serviceType.create.mutate({
    key: "brake-inspection",
    name: "Brake inspection",
    defaultCadenceMonths: 12,
  });
  const owner = await client.customer.create.mutate({
    firstName: "Ana",
    lastName: "Ruiz, Jr.",
  });
  const vehicle = await client.vehicle.create.mutate({
    customerId: owner.id,
    make: "Honda",
    model: "Civic",
    year: 2018,
  });
  vehicleId = vehicle.id;
  await client.serviceRecord.create.mutate({
    vehicleId,
    serviceTypeId: oil.id,
    performedAt: new Date("2026-03-02T15:00:00Z"),
    odometer: 48_200,
    declined: [{ serviceTypeId: brakes.id, priceCents: 28_900 }],
  });
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe("the example scripts", () => {
  it("list customers with their vehicles", async () => {
    const result = await example("list-customers.ts");

    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Ana Ruiz, Jr.: 2018 Honda Civic");
  }, 120_000);

  it("print a vehicle's history with declined work", async () => {
    const [found, missing] = await Promise.all([
      example("vehicle-history.ts", String(vehicleId)),
      example("vehicle-history.ts", "999999"),
    ]);

    expect(found.stdout).toContain("2026-03-02 Oil change at 48200 mi");
    expect(found.stdout).toContain("declined: Brake inspection ($289.00)");
    expect(missing).toMatchObject({ code: 1, stderr: "no vehicle 999999\n" });
  }, 120_000);

  it("follow events from a given id", async () => {
    const result = await example(
      "follow-events.ts",
      "--after",
      "0",
      "--max",
      "3",
    );
    const types = result.stdout
      .trim()
      .split("\n")
      .map((line) => (JSON.parse(line) as { type: string }).type);

    expect(result.code).toBe(0);
    expect(types).toEqual([
      "customer.changed",
      "vehicle.changed",
      "serviceRecord.created",
    ]);
  }, 120_000);

  it("export service history to CSV", async () => {
    const result = await example("export-service-history.ts");

    expect(result.stdout.split("\n")).toEqual([
      "date,service,odometer,vehicle,customer",
      '2026-03-02,Oil change,48200,2018 Honda Civic,"Ana Ruiz, Jr."',
      "",
    ]);
  }, 120_000);
});
