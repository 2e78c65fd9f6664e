import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestServer } from "../src/testing.ts";
import { collect, eventsOf, latestEventId } from "./event-helpers.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

/** Subscribes over the WebSocket from the current end of the log. */
async function listen() {
  const lastEventId = await latestEventId(server.db);
  const stream = collect((handlers) =>
    server.client.events.onAll.subscribe({ lastEventId }, handlers),
  );
  await stream.started;

  return {
    /** Waits for `count` events, then returns their types and payloads. */
    async next(count: number) {
      const received = await stream.until((r) => eventsOf(r).length >= count);
      stream.stop();

      return eventsOf(received).map(({ type, payload }) => ({
        type,
        payload,
      }));
    },
  };
}

describe("events for rules, customers and vehicles", () => {
  it("announces a rule created, updated and archived", async () => {
    const { client } = server;
    const type = await client.serviceType.create.mutate({
      key: "oil-change",
      name: "Oil change",
      defaultCadenceMonths: 6,
    });
    const stream = await listen();

    const rule = await client.rule.create.mutate({
      name: "Oil every six months",
      serviceTypeId: type.id,
      cadenceMonths: 6,
    });
    await client.rule.update.mutate({ id: rule.id, cadenceMonths: 7 });
    await client.rule.archive.mutate({ id: rule.id });
    // Archiving again changes nothing and announces nothing.
    await client.rule.archive.mutate({ id: rule.id });
    const marker = await client.customer.create.mutate({
      firstName: "Marker",
      lastName: "Rule",
    });

    expect(await stream.next(4)).toEqual([
      { type: "rule.changed", payload: { ruleId: rule.id, change: "created" } },
      { type: "rule.changed", payload: { ruleId: rule.id, change: "updated" } },
      {
        type: "rule.changed",
        payload: { ruleId: rule.id, change: "archived" },
      },
      {
        type: "customer.changed",
        payload: { customerId: marker.id, change: "created" },
      },
    ]);
  });

  it("announces a customer created and updated", async () => {
    const { client } = server;
    const stream = await listen();

    const customer = await client.customer.create.mutate({
      firstName: "Ana",
      lastName: "Ruiz",
    });
    await client.customer.update.mutate({
      id: customer.id,
      email: "ana@example.com",
    });

    expect(await stream.next(2)).toEqual([
      {
        type: "customer.changed",
        payload: { customerId: customer.id, change: "created" },
      },
      {
        type: "customer.changed",
        payload: { customerId: customer.id, change: "updated" },
      },
    ]);
  });

  it("announces a vehicle created, edited and sold on to another owner", async () => {
    const { client } = server;
    const [first, second] = await Promise.all(
      ["Bo", "Cy"].map((firstName) =>
        client.customer.create.mutate({ firstName, lastName: "Lee" }),
      ),
    );
    const stream = await listen();

    const vehicle = await client.vehicle.create.mutate({
      customerId: first!.id,
      make: "Honda",
      model: "Civic",
      year: 2019,
    });
    await client.vehicle.update.mutate({ id: vehicle.id, status: "SOLD" });
    await client.vehicle.update.mutate({
      id: vehicle.id,
      customerId: second!.id,
    });

    expect(await stream.next(3)).toEqual([
      {
        type: "vehicle.changed",
        payload: {
          vehicleId: vehicle.id,
          customerId: first!.id,
          change: "created",
        },
      },
      {
        type: "vehicle.changed",
        payload: {
          vehicleId: vehicle.id,
          customerId: first!.id,
          change: "updated",
        },
      },
      {
        type: "vehicle.changed",
        payload: {
          vehicleId: vehicle.id,
          customerId: second!.id,
          previousCustomerId: first!.id,
          change: "updated",
        },
      },
    ]);
  });

  it("announces nothing for a change that is refused", async () => {
    const { client } = server;
    const stream = await listen();

    await expect(
      client.vehicle.update.mutate({ id: 999_999, make: "Kia" }),
    ).rejects.toThrow();
    await expect(
      client.customer.update.mutate({ id: 999_999, firstName: "Nobody" }),
    ).rejects.toThrow();
    const marker = await client.customer.create.mutate({
      firstName: "Marker",
      lastName: "Last",
    });

    expect(await stream.next(1)).toEqual([
      {
        type: "customer.changed",
        payload: { customerId: marker.id, change: "created" },
      },
    ]);
  });
});
