import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { errorOf, startTestServer, type TestServer } from "../src/testing.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe("the foundation procedures", () => {
  it("answers health.check over HTTP with a Date", async () => {
    const health = await server.client.health.check.query();

    expect(health.status).toBe("ok");
    expect(health.time).toBeInstanceOf(Date);
  });

  it("enters a walk-in customer, vehicle and service record", async () => {
    const { client } = server;
    const oil = await client.serviceType.create.mutate({
      key: "oil-change",
      name: "Oil change",
      defaultCadenceMonths: 6,
    });
    const customer = await client.customer.create.mutate({
      firstName: "Ana",
      lastName: "Ruiz",
      email: "Ana.Ruiz@Example.com",
    });
    const vehicle = await client.vehicle.create.mutate({
      customerId: customer.id,
      make: "Toyota",
      model: "Corolla",
      year: 2018,
    });
    const performedAt = new Date("2026-01-10T15:00:00Z");
    await client.serviceRecord.create.mutate({
      vehicleId: vehicle.id,
      serviceTypeId: oil.id,
      performedAt,
      odometer: 42_000,
    });

    const fetched = await client.vehicle.get.query({ id: vehicle.id });

    expect(customer.email).toBe("ana.ruiz@example.com");
    expect(fetched.customer.id).toBe(customer.id);
    expect(fetched.serviceRecords[0]?.performedAt).toEqual(performedAt);
  });

  it("rejects bad input as BAD_REQUEST naming the field", async () => {
    const error = await errorOf(
      server.client.customer.list.query({ limit: 501 }),
    );

    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.data?.fieldErrors[0]?.path).toBe("limit");
    expect(error.message).toContain("limit");
  });

  it("reports a missing row as NOT_FOUND and a duplicate key as CONFLICT", async () => {
    const missing = await errorOf(
      server.client.vehicle.get.query({ id: 999_999 }),
    );
    await server.client.serviceType.create.mutate({
      key: "tires",
      name: "Tire rotation",
      defaultCadenceMonths: 6,
    });
    const duplicate = await errorOf(
      server.client.serviceType.create.mutate({
        key: "tires",
        name: "Again",
        defaultCadenceMonths: 6,
      }),
    );

    expect(missing.data?.code).toBe("NOT_FOUND");
    expect(duplicate.data?.code).toBe("CONFLICT");
    expect(duplicate.message).toContain("key");
  });

  it("pushes a committed change to a WebSocket subscriber", async () => {
    const { client } = server;
    const received = new Promise<string>((resolve, reject) => {
      const subscription = client.events.onAll.subscribe(
        {},
        {
          onData: ({ data }) => {
            const [first] = data.kind === "events" ? data.events : [];
            if (first) {
              subscription.unsubscribe();
              resolve(first.type);
            }
          },
          onError: reject,
          onStarted: () => {
            void client.customer.list.query({}).then(async ({ items }) => {
              const vehicle = items[0]?.vehicles[0];
              const types = await client.serviceType.list.query();
              await client.serviceRecord.create.mutate({
                vehicleId: vehicle!.id,
                serviceTypeId: types[0]!.id,
                performedAt: new Date("2026-02-01T10:00:00Z"),
              });
            });
          },
        },
      );
    });

    await expect(received).resolves.toBe("serviceRecord.created");
  });
});
