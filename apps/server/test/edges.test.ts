import http from "node:http";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";

import { createRallyServer } from "../src/app.ts";
import { edgeLimits } from "../src/edge-limits.ts";
import { startTestServer, testAdmin, type TestServer } from "../src/testing.ts";
import { cookieOf, rawCall } from "./support/http.ts";

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startTestServer();
  const login = await rawCall(server.url, "auth.login", "mutation", testAdmin);
  cookie = cookieOf(login.setCookie)!;
});

afterAll(async () => {
  await server?.close();
});

const foreignOrigin = "https://attacker.example";

/** Opens a socket and asks for events.onAll; resolves with what happened. */
function subscribeOverSocket(headers: Record<string, string>) {
  return new Promise<string>((resolve) => {
    const socket = new WebSocket(`${server.url.replace("http", "ws")}/trpc`, {
      headers,
    });
    socket.on("unexpected-response", (_req, res) => {
      resolve(`refused ${res.statusCode}`);
    });
    socket.on("open", () => {
      socket.send(
        JSON.stringify({
          id: 1,
          method: "subscription",
          params: { path: "events.onAll", input: { json: {} } },
        }),
      );
    });
    socket.on("message", (raw) => {
      const message = JSON.parse(String(raw)) as {
        result?: { type?: string };
        error?: { json?: { data?: { code?: string } } };
      };
      socket.close();
      resolve(
        message.result?.type ?? message.error?.json?.data?.code ?? "unknown",
      );
    });
  });
}

describe("WebSocket origins", () => {
  it("refuses a socket from another site even with a valid cookie", async () => {
    const outcome = await subscribeOverSocket({
      origin: foreignOrigin,
      cookie,
    });

    expect(outcome).toBe("refused 403");
  });

  it("accepts the console's own origin and authenticates by cookie", async () => {
    const own = await subscribeOverSocket({ origin: server.url, cookie });
    const publicUrl = await subscribeOverSocket({
      origin: server.services.publicUrl,
      cookie,
    });
    const withoutCookie = await subscribeOverSocket({ origin: server.url });

    expect(own).toBe("started");
    expect(publicUrl).toBe("started");
    expect(withoutCookie).toBe("UNAUTHORIZED");
  });
});

describe("HTTP edges", () => {
  it("refuses mutations sent from another site", async () => {
    const input = { firstName: "Eve", lastName: "Forged" };
    const foreign = await fetch(`${server.url}/trpc/customer.create`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: foreignOrigin,
        cookie,
      },
      body: JSON.stringify({ json: input }),
    });
    const own = await rawCall(
      server.url,
      "customer.create",
      "mutation",
      input,
      {
        cookie,
        origin: server.url,
      },
    );

    expect(foreign.status).toBe(403);
    expect(own.status).toBe(200);
    expect(await server.db.prisma.customer.count()).toBe(1);
  });

  it("sends security headers", async () => {
    const response = await fetch(`${server.url}/healthz`);

    expect(response.headers.get("content-security-policy")).toContain(
      "default-src 'self'",
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("refuses a tRPC body over 1 MB", async () => {
    const token = await server.tokenFor("STAFF");
    const response = await fetch(`${server.url}/trpc/customer.create`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ json: { firstName: "x".repeat(1_100_000) } }),
    });

    expect(response.status).toBe(413);
  });

  it("refuses an oversized webhook before reading it", async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const request = http.request(`${server.url}/webhooks/email/test`, {
        method: "POST",
        headers: { "content-length": edgeLimits.webhookBodyBytes + 1 },
      });
      request.on("response", (response) => {
        resolve(response.statusCode);
        request.destroy();
      });
      request.on("error", reject);
      request.flushHeaders();
    });

    expect(status).toBe(413);
  });
});

describe("metrics", () => {
  it("reports emails by status, the queue, sockets and call latency", async () => {
    await server.db.prisma.email.create({
      data: {
        toAddress: "someone@example.com",
        fromAddress: "shop@example.com",
        subject: "Due for service",
        messageId: "<metrics-test@rally.test>",
      },
    });
    await server.client.health.check.query();

    const text = await (await fetch(`${server.url}/metrics`)).text();

    expect(text).toContain('rally_emails{status="QUEUED"} 1');
    expect(text).toContain("rally_email_queue_depth 1");
    expect(text).toMatch(/rally_email_queue_oldest_age_seconds \d/);
    expect(text).toMatch(/rally_websocket_connections \d+/);
    expect(text).toMatch(
      /rally_procedure_duration_seconds_count\{path="health.check",type="query",outcome="ok"\} [1-9]/,
    );
  });

  it("times event delivery from commit to subscribers", async () => {
    const delivered = new Promise<void>((resolve) => {
      const subscription = server.client.events.onAll.subscribe(
        {},
        {
          onData: () => {
            subscription.unsubscribe();
            resolve();
          },
        },
      );
    });
    const customer = await server.client.customer.create.mutate({
      firstName: "Ana",
      lastName: "Ruiz",
    });
    const vehicle = await server.client.vehicle.create.mutate({
      customerId: customer.id,
      make: "Toyota",
      model: "Corolla",
      year: 2018,
    });
    const type = await server.client.serviceType.create.mutate({
      key: "oil",
      name: "Oil",
      defaultCadenceMonths: 6,
    });
    await server.client.serviceRecord.create.mutate({
      vehicleId: vehicle.id,
      serviceTypeId: type.id,
      performedAt: new Date("2026-01-10T15:00:00Z"),
    });
    await delivered;

    const text = await (await fetch(`${server.url}/metrics`)).text();

    expect(text).toMatch(/rally_event_delivery_seconds_count [1-9]/);
  });
});

describe("worker processes", () => {
  it("serve health and metrics but no API", async () => {
    const worker = createRallyServer({
      services: server.services,
      metrics: server.metrics,
      isApi: false,
    });
    const url = await worker.listen(0, "127.0.0.1");
    try {
      const statuses = await Promise.all(
        ["/healthz", "/readyz", "/metrics", "/trpc/health.check"].map(
          async (path) => (await fetch(`${url}${path}`)).status,
        ),
      );

      expect(statuses).toEqual([200, 200, 200, 404]);
    } finally {
      await worker.close();
    }
  });
});

describe("public rate limits", () => {
  it("slows down a caller hammering public procedures", async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= edgeLimits.publicPerMinute; i++) {
      const response = await fetch(`${server.url}/trpc/health.check`);
      statuses.push(response.status);
    }

    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses.at(-1)).toBe(429);
  });
});
