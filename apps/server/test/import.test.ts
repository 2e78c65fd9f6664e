import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { RouterInputs } from "@rally/client/node";

import { errorOf, startTestServer, type TestServer } from "../src/testing.ts";
import { importFinished } from "./support/imports.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  const { client } = server;
  await client.serviceType.create.mutate({
    key: "oil-change",
    name: "Oil change",
    defaultCadenceMonths: 6,
  });
  await client.serviceType.create.mutate({
    key: "tire-rotation",
    name: "Tire rotation",
    defaultCadenceMonths: 6,
  });
}, 120_000);

afterAll(async () => {
  await server?.close();
});

async function importFile(input: RouterInputs["import"]["start"]) {
  const job = await server.client.import.start.mutate(input);
  await importFinished(server.client, job.id);

  return server.client.import.get.query({ id: job.id });
}

const customersFile = [
  "\uFEFFCustomer No;First Name;Last Name;E-Mail;Phone;Loyalty tier",
  'C1;Ana;"Ruiz; de la Vega";Ana.Ruiz@Example.com;312-555-0101;gold',
  "",
  'C2;"Bob ""Bobby""";Smith;bob@example.com;;silver',
  "C3;Cleo;Jones;not-an-email;;",
  "C4;Dan;Lee;dan@example.com;312-555-0104;",
  "",
].join("\r\n");

describe("importing customers", () => {
  it("loads a messy export and reports the bad row by line and field", async () => {
    const job = await importFile({ kind: "customers", content: customersFile });
    const ana = await server.client.customer.list.query({ search: "Ruiz" });

    expect(job).toMatchObject({
      status: "DONE",
      rowsRead: 4,
      rowsOk: 3,
      rowsFailed: 1,
      errors: [{ line: 5, field: "email" }],
      summary: {
        created: 3,
        delimiter: ";",
        ignoredColumns: ["Loyalty tier"],
      },
    });
    expect(ana.items[0]).toMatchObject({
      externalId: "C1",
      lastName: "Ruiz; de la Vega",
      email: "ana.ruiz@example.com",
    });
  });

  it("changes nothing when the same file is imported again", async () => {
    const job = await importFile({ kind: "customers", content: customersFile });

    expect(job.summary).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it("updates only what a newer export changed", async () => {
    const newer = customersFile.replace("312-555-0104", "312-555-0199");
    const job = await importFile({ kind: "customers", content: newer });
    const dan = await server.client.customer.list.query({ search: "Lee" });

    expect(job.summary).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect(dan.items[0]?.phone).toBe("312-555-0199");
  });

  it("reports a dry run without writing", async () => {
    const content = "id,first,last\nC9,Eve,Stone\nC1,Ana,Ruiz-Vega\n";
    const job = await importFile({ kind: "customers", content, dryRun: true });
    const eve = await server.client.customer.list.query({ search: "Stone" });

    expect(job).toMatchObject({ isDryRun: true, status: "DONE", rowsOk: 2 });
    expect(job.summary).toMatchObject({ created: 1, updated: 1 });
    expect(eve.items).toHaveLength(0);
  });

  it("reports a duplicate id in one file", async () => {
    const content = "id,first,last\nC20,Fay,One\nC20,Fay,Two\n";
    const job = await importFile({ kind: "customers", content });

    expect(job.errors).toEqual([
      {
        line: 3,
        field: "externalId",
        reason: expect.stringContaining("line 2"),
      },
    ]);
  });

  it("tells subscribers the job's kind and whether it is a dry run", async () => {
    const job = await server.client.import.start.mutate({
      kind: "customers",
      content: "id,first,last\nC40,Hal,Payload\n",
      dryRun: true,
    });

    expect(await importFinished(server.client, job.id)).toEqual({
      importJobId: job.id,
      kind: "customers",
      isDryRun: true,
      rowsRead: 1,
      rowsOk: 1,
      rowsFailed: 0,
      status: "DONE",
    });
  });

  it("refuses a mapping to a column the file lacks, naming the field", async () => {
    const error = await errorOf(
      server.client.import.start.mutate({
        kind: "customers",
        content: "id,first,last\n",
        mapping: { email: "Mail" },
      }),
    );

    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.data?.fieldErrors[0]?.path).toBe("mapping.email");
  });

  it("leaves a field mapped to no column unread, though a header matches it", async () => {
    const content = "id,first,last,phone\nC30,Gus,Unread,312-555-0130\n";
    const job = await importFile({
      kind: "customers",
      content,
      mapping: { phone: "" },
    });
    const gus = await server.client.customer.list.query({ search: "Unread" });

    expect(job.summary).toMatchObject({ ignoredColumns: ["phone"] });
    expect(gus.items).toMatchObject([{ firstName: "Gus", phone: null }]);
  });

  it("refuses a required field mapped to no column, naming the field", async () => {
    const error = await errorOf(
      server.client.import.start.mutate({
        kind: "customers",
        content: "id,first,last\n",
        mapping: { lastName: "" },
      }),
    );

    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.data?.fieldErrors[0]?.path).toBe("mapping.lastName");
  });
});

describe("importing vehicles, service history and appointments", () => {
  it("links vehicles to customers by their external ids", async () => {
    const content = [
      "Vehicle ID,Customer ID,VIN,Make,Model,Year,Status",
      "V1,C1,1HGCM82633A004352,Honda,Accord,2019,active",
      "V2,C2,,Ford,F-150,2015,Sold",
      "V3,C404,,Kia,Soul,2020,",
      "V4,C4,1hgcm82633a004352,Mazda,CX-5,2021,",
    ].join("\n");
    const job = await importFile({ kind: "vehicles", content });

    expect(job).toMatchObject({ rowsOk: 2, rowsFailed: 2 });
    expect(job.errors).toMatchObject([
      { line: 4, field: "customerExternalId" },
      { line: 5, field: "vin" },
    ]);
  });

  it("reads dates in mixed formats and maps service names", async () => {
    const content = [
      "RO Number,Vehicle,Service,Date,Mileage,Comments",
      'R1,V1,LOF,2025-03-14,"45,120",',
      "R2,V1,Tire Rotation,09/15/2025,51000,",
      "R3,V1,Synthetic oil change 5W-30,15.10.2025,52 300,",
      "R4,V1,Oil change,2025/11/20 14:30,53000,",
      "R5,V1,Oil change,13/20/2025,54000,",
      "R6,V1,Detailing,2025-12-01,54100,",
    ].join("\n");
    const job = await importFile({ kind: "serviceRecords", content });
    const vehicle = await server.client.customer.list
      .query({ search: "Ruiz" })
      .then(({ items }) => items[0]!.vehicles[0]!);
    const history = await server.client.vehicle.get.query({ id: vehicle.id });

    expect(job).toMatchObject({ rowsOk: 4, rowsFailed: 2 });
    expect(job.errors).toMatchObject([
      { line: 6, field: "performedAt", reason: expect.stringContaining("DMY") },
      { line: 7, field: "service" },
    ]);
    expect(history.serviceRecords.map((r) => r.odometer).sort()).toEqual([
      45_120, 51_000, 52_300, 53_000,
    ]);
  });

  it("books appointments from an export as imported", async () => {
    const content =
      "Appointment ID,Vehicle ID,Start,Service,Status\nA1,V1,2026-07-01 09:00,Oil change,Booked\n";
    const job = await importFile({ kind: "appointments", content });
    const vehicle = await server.client.vehicle.get.query({
      id: (await server.client.customer.list.query({ search: "Ruiz" }))
        .items[0]!.vehicles[0]!.id,
    });

    expect(job.rowsOk).toBe(1);
    expect(vehicle.appointments[0]).toMatchObject({
      status: "SCHEDULED",
      source: "IMPORT",
      scheduledFor: new Date("2026-07-01T09:00:00Z"),
    });
  });
});

describe("files that are cut off or malformed", () => {
  it("reports a row truncated mid-way and loads the rest", async () => {
    const content =
      "id,first,last,email\nC30,Gus,Hart,gus@example.com\nC31,Ida";
    const job = await importFile({ kind: "customers", content });

    expect(job).toMatchObject({ status: "DONE", rowsOk: 1, rowsFailed: 1 });
    expect(job.errors).toMatchObject([{ line: 3, field: "row" }]);
  });

  it("writes nothing when a quoted field is never closed", async () => {
    const content = 'id,first,last\nC40,Jo,Kim\nC41,"Lu,Park\n';
    const job = await importFile({ kind: "customers", content });
    const jo = await server.client.customer.list.query({ search: "Kim" });

    expect(job.status).toBe("FAILED");
    expect(job.errors).toMatchObject([{ field: "file" }]);
    expect(jo.items).toHaveLength(0);
  });
});

describe("import jobs", () => {
  it("lists jobs newest first", async () => {
    const page = await server.client.import.list.query({ limit: 2 });

    expect(page.items).toHaveLength(2);
    expect(page.items[0]!.id).toBeGreaterThan(page.items[1]!.id);
    expect(page.nextCursor).toBe(page.items[1]!.id);
  });
});
