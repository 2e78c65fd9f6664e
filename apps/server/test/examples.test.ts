import path from "node:path";

import {
  createDispatcher,
  createSmtpProvider,
  type Dispatcher,
  type EmailProvider,
} from "@rally/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestServer } from "../src/testing.ts";
import { MARKETING_HTML, seedShop } from "./support/email-fixtures.ts";
import { startSmtpSink, type SmtpSink } from "./support/smtp-sink.ts";
import { repoDir, runScript } from "./spawn.ts";

let server: TestServer;
let sink: SmtpSink;
let provider: EmailProvider;
let dispatcher: Dispatcher;
let vehicleId: number;
let ruleId: number;
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
  ruleId = await seedOverdueOilChanges(oil.id);
  sink = await startSmtpSink();
  provider = createSmtpProvider({ host: "127.0.0.1", port: sink.port });
  dispatcher = createDispatcher(server.services, {
    provider,
    ratePerSecond: 1_000,
  });
  await dispatcher.start();
}, 120_000);

afterAll(async () => {
  await dispatcher?.stop();
  await provider?.close();
  await sink?.close();
  await server?.close();
});

/** Two customers whose oil change is overdue, and a rule that finds them. */
async function seedOverdueOilChanges(serviceTypeId: number) {
  const { client } = server;
  await seedShop(server.db);
  const owners = [
    ["Bo", "Sun", "Kia", "Soul", 2017, "2025-10-01"],
    ["Cy", "Park", "Ford", "Focus", 2019, "2025-11-15"],
  ] as const;
  for (const [firstName, lastName, make, model, year, servicedOn] of owners) {
    const customer = await client.customer.create.mutate({
      firstName,
      lastName,
      email: `${firstName.toLowerCase()}@example.com`,
    });
    const vehicle = await client.vehicle.create.mutate({
      customerId: customer.id,
      make,
      model,
      year,
    });
    await client.serviceRecord.create.mutate({
      vehicleId: vehicle.id,
      serviceTypeId,
      performedAt: new Date(`${servicedOn}T15:00:00Z`),
    });
  }
  const template = await client.template.create.mutate({
    name: "Oil reminder",
    subject: "{{ customer.firstName }}, your oil change is due",
    html: MARKETING_HTML,
  });
  const rule = await client.rule.create.mutate({
    name: "Oil due",
    serviceTypeId,
    cadenceMonths: 6,
    templateId: template.id,
  });

  return rule.id;
}

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

  it("list the vehicles due for a rule, page by page", async () => {
    const result = await example(
      "vehicles-due.ts",
      String(ruleId),
      "--page-size",
      "1",
    );

    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")).toEqual([
      "2 vehicles due (2 before exclusions)",
      "2026-04-01 (75 days overdue) 2017 Kia Soul: Bo Sun <bo@example.com>",
      "2026-05-15 (31 days overdue) 2019 Ford Focus: Cy Park <cy@example.com>",
      "",
    ]);
  }, 120_000);

  it("send a campaign and follow it until every email is sent, then export its results to CSV", async () => {
    const followed = await example(
      "send-campaign.ts",
      String(ruleId),
      "--key",
      "example-campaign",
    );
    const lines = followed.stdout.trim().split("\n");
    const campaignId = /^campaign (\d+): 2 emails queued$/.exec(
      lines[0] ?? "",
    )?.[1];
    const exported = await example("export-campaign.ts", String(campaignId));
    const rows = exported.stdout.trim().split("\n");

    expect(followed.code).toBe(0);
    expect(campaignId).toBeDefined();
    expect(lines.at(-2)).toBe("final: SENT 2");
    expect(lines.at(-1)).toBe(`campaign ${campaignId} DONE`);
    expect(sink.count()).toBe(2);
    expect(exported.code).toBe(0);
    expect(rows[0]).toBe(
      "email,customer,to,status,attempts,queued_at,sent_at,delivered_at,updated_at,error",
    );
    expect(rows.slice(1).map((row) => row.split(",").slice(2, 5))).toEqual([
      ["bo@example.com", "SENT", "1"],
      ["cy@example.com", "SENT", "1"],
    ]);
    expect(rows[1]?.split(",")[6]).toBe("2026-06-15T12:00:00.000Z");
  }, 120_000);

  it("export service history to CSV", async () => {
    const result = await example("export-service-history.ts");

    expect(result.stdout.split("\n")).toEqual([
      "date,service,odometer,vehicle,customer",
      '2026-03-02,Oil change,48200,2018 Honda Civic,"Ana Ruiz, Jr."',
      "2025-11-15,Oil change,,2019 Ford Focus,Cy Park",
      "2025-10-01,Oil change,,2017 Kia Soul,Bo Sun",
      "",
    ]);
  }, 120_000);
});
