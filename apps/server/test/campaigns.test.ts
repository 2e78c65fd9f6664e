import {
  createDispatcher,
  createSmtpProvider,
  type Dispatcher,
  type EmailProvider,
  threadIdFromReplyAddress,
} from "@rally/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  createTestClock,
  errorOf,
  startTestServer,
  type TestServer,
} from "../src/testing.ts";
import { seedCohort, seedShop } from "./support/email-fixtures.ts";
import { startSmtpSink, type SmtpSink } from "./support/smtp-sink.ts";

let server: TestServer;
let sink: SmtpSink;
let dispatcher: Dispatcher;
const providers: EmailProvider[] = [];

function smtp() {
  const provider = createSmtpProvider({ host: "127.0.0.1", port: sink.port });
  providers.push(provider);

  return provider;
}
const clock = createTestClock(new Date("2026-06-15T15:00:00Z"));

beforeAll(async () => {
  server = await startTestServer({ clock });
  sink = await startSmtpSink();
  await seedShop(server.db);
  dispatcher = createDispatcher(server.services, {
    provider: smtp(),
    ratePerSecond: 1_000,
  });
});

afterAll(async () => {
  await Promise.all(providers.map((provider) => provider.close()));
  await server?.close();
  await sink?.close();
});

async function drain() {
  while ((await dispatcher.runOnce()).claimed > 0) {
    // Each call claims, sends and records one batch.
  }
}

describe("campaign.send", () => {
  it("queues one email per customer in one go and the dispatcher sends each once", async () => {
    const { rule } = await seedCohort(server.db, {
      customers: 3,
      extraVehicles: 1,
      now: clock.now(),
      key: "life",
    });

    const sent = await server.client.campaign.send.mutate({
      ruleId: rule.id,
      idempotencyKey: "life-cycle-1",
    });
    const before = sink.count();
    await drain();
    const campaign = await server.client.campaign.get.query({
      id: sent.campaign.id,
    });

    expect(sent.emails).toBe(3);
    expect(campaign.recipients).toBe(4);
    expect(campaign.status).toBe("DONE");
    expect(campaign.counts).toEqual({ SENT: 3 });
    expect(sink.count() - before).toBe(3);
    const first = sink.received.find((m) => m.to[0] === "c0.life@example.com");
    expect(first?.raw).toContain(
      "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
    );
    expect(first?.raw).toContain("Toyota Corolla");
    expect(first?.raw).toContain("Honda Corolla");
    expect(first?.raw).toMatch(/Subject: Cust0, your Toyota is due/);
  });

  it("gives each email a signed reply address that names its thread", async () => {
    const message = sink.received.find(
      (m) => m.to[0] === "c2.life@example.com",
    );
    const email = await server.db.prisma.email.findFirstOrThrow({
      where: { toAddress: "c2.life@example.com" },
      select: { threadId: true },
    });
    const replyTo = /^Reply-To:\s+(\S+)/m.exec(message?.raw ?? "")?.[1] ?? "";

    expect(replyTo).toMatch(/^reply\+\S+@/);
    expect(threadIdFromReplyAddress(server.services, replyTo)).toBe(
      email.threadId,
    );
  });

  it("records every transition of an email as an EmailEvent and a thread", async () => {
    const email = await server.db.prisma.email.findFirstOrThrow({
      where: { toAddress: "c1.life@example.com" },
      select: {
        threadId: true,
        events: {
          select: { fromStatus: true, toStatus: true },
          orderBy: { id: "asc" },
        },
      },
    });

    expect(email.threadId).not.toBeNull();
    expect(email.events).toEqual([
      { fromStatus: null, toStatus: "QUEUED" },
      { fromStatus: "QUEUED", toStatus: "SENDING" },
      { fromStatus: "SENDING", toStatus: "SENT" },
    ]);
  });

  it("returns the same campaign for the same idempotency key and sends nothing twice", async () => {
    const { rule } = await seedCohort(server.db, {
      customers: 2,
      now: clock.now(),
      key: "idem",
    });
    const first = await server.client.campaign.send.mutate({
      ruleId: rule.id,
      idempotencyKey: "idem-key-1",
    });
    const again = await server.client.campaign.send.mutate({
      ruleId: rule.id,
      idempotencyKey: "idem-key-1",
    });
    const emails = await server.db.prisma.email.count({
      where: { campaign: { ruleId: rule.id } },
    });

    expect(again.campaign.id).toBe(first.campaign.id);
    expect(again.isExisting).toBe(true);
    expect(emails).toBe(2);
    await drain();
  });

  it("makes an empty cohort a DONE campaign with zero emails, not an error", async () => {
    const { rule } = await seedCohort(server.db, {
      customers: 0,
      now: clock.now(),
      key: "empty",
    });

    const sent = await server.client.campaign.send.mutate({
      ruleId: rule.id,
      idempotencyKey: "empty-cohort",
    });

    expect(sent.emails).toBe(0);
    expect(sent.campaign.status).toBe("DONE");
  });

  it("refuses a missing or archived rule and names the field", async () => {
    const { rule } = await seedCohort(server.db, {
      customers: 1,
      now: clock.now(),
      key: "arch",
    });
    await server.db.prisma.rule.update({
      where: { id: rule.id },
      data: { archivedAt: clock.now() },
    });

    const missing = await errorOf(
      server.client.campaign.send.mutate({
        ruleId: 999_999,
        idempotencyKey: "missing-rule",
      }),
    );
    const archived = await errorOf(
      server.client.campaign.send.mutate({
        ruleId: rule.id,
        idempotencyKey: "archived-rule",
      }),
    );

    expect(missing.data?.code).toBe("NOT_FOUND");
    expect(archived.data?.code).toBe("BAD_REQUEST");
    expect(archived.data?.fieldErrors[0]?.path).toBe("ruleId");
  });

  it("refuses a field it does not take, naming it, and sends nothing", async () => {
    const { rule } = await seedCohort(server.db, {
      customers: 1,
      now: clock.now(),
      key: "typo",
    });

    const error = await errorOf(
      server.client.campaign.send.mutate({
        ruleId: rule.id,
        idempotencyKey: "typo-in-a-field",
        templteId: 1,
      } as never),
    );

    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.data?.fieldErrors).toEqual([
      { path: "templteId", message: "is not a field this procedure takes" },
    ]);
    expect(
      await server.db.prisma.campaign.count({ where: { ruleId: rule.id } }),
    ).toBe(0);
  });

  it("holds out a control group that gets no email", async () => {
    const { rule } = await seedCohort(server.db, {
      customers: 10,
      now: clock.now(),
      key: "ctrl",
    });

    const sent = await server.client.campaign.send.mutate({
      ruleId: rule.id,
      idempotencyKey: "control-group",
      controlShare: 0.3,
    });
    const controlsWithEmail = await server.db.prisma.campaignRecipient.count({
      where: {
        campaignId: sent.campaign.id,
        isControl: true,
        emailId: { not: null },
      },
    });

    expect(sent.controls).toBe(3);
    expect(sent.emails).toBe(7);
    expect(controlsWithEmail).toBe(0);
    await drain();
  });
});

describe("live campaign events", () => {
  it("streams email.status, campaign.progress and campaign.status over WebSocket", async () => {
    const { rule } = await seedCohort(server.db, {
      customers: 2,
      now: clock.now(),
      key: "live",
    });
    const seen: { type: string; payload: Record<string, unknown> }[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const subscription = server.client.events.onAll.subscribe(
        {},
        {
          onData: ({ data }) => {
            const events = data.kind === "events" ? data.events : [];
            seen.push(...events);
            const isDone = events.some(
              ({ type, payload }) =>
                type === "campaign.status" && payload.status === "DONE",
            );
            if (isDone) {
              subscription.unsubscribe();
              resolve();
            }
          },
          onError: reject,
          onStarted: () => {
            void server.client.campaign.send
              .mutate({ ruleId: rule.id, idempotencyKey: "live-events" })
              .then(drain, reject);
          },
        },
      );
    });

    await done;
    const transitions = seen
      .filter((e) => e.type === "email.status")
      .map((e) => `${String(e.payload.from)}>${String(e.payload.to)}`);
    const statuses = seen
      .filter((e) => e.type === "campaign.status")
      .map((e) => e.payload.status);

    expect(statuses).toEqual(["QUEUED", "SENDING", "DONE"]);
    expect(transitions.sort()).toEqual([
      "QUEUED>SENDING",
      "QUEUED>SENDING",
      "SENDING>SENT",
      "SENDING>SENT",
    ]);
    expect(seen.some((e) => e.type === "campaign.progress")).toBe(true);
  });
});

describe("campaign control", () => {
  it("cancels queued emails and refuses to resume a cancelled campaign", async () => {
    const { rule } = await seedCohort(server.db, {
      customers: 2,
      now: clock.now(),
      key: "cancel",
    });
    const sent = await server.client.campaign.send.mutate({
      ruleId: rule.id,
      idempotencyKey: "cancel-me",
    });

    const cancelled = await server.client.campaign.cancel.mutate({
      id: sent.campaign.id,
    });
    const before = sink.count();
    await drain();
    const resume = await errorOf(
      server.client.campaign.resume.mutate({ id: sent.campaign.id }),
    );

    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.counts).toEqual({ CANCELLED: 2 });
    expect(sink.count()).toBe(before);
    expect(resume.data?.code).toBe("CONFLICT");
  });

  it("sends nothing while paused and, resumed, only to those not yet sent", async () => {
    const { rule } = await seedCohort(server.db, {
      customers: 4,
      now: clock.now(),
      key: "pause",
    });
    const sent = await server.client.campaign.send.mutate({
      ruleId: rule.id,
      idempotencyKey: "pause-me",
    });
    const small = createDispatcher(server.services, {
      provider: smtp(),
      batchSize: 2,
      ratePerSecond: 1_000,
    });
    await small.runOnce();

    await server.client.campaign.pause.mutate({ id: sent.campaign.id });
    const whilePaused = await dispatcher.runOnce();
    const resumed = await server.client.campaign.resume.mutate({
      id: sent.campaign.id,
    });
    await drain();
    const done = await server.client.campaign.get.query({
      id: sent.campaign.id,
    });
    const addresses = sink.received
      .flatMap((m) => m.to)
      .filter((to) => to.endsWith(".pause@example.com"));

    expect(whilePaused.claimed).toBe(0);
    expect(resumed.status).toBe("SENDING");
    expect(done.status).toBe("DONE");
    expect(addresses.sort()).toEqual([
      "c0.pause@example.com",
      "c1.pause@example.com",
      "c2.pause@example.com",
      "c3.pause@example.com",
    ]);
  });

  it("lists campaigns with their counts", async () => {
    const list = await server.client.campaign.list.query({ limit: 50 });

    expect(list.length).toBeGreaterThanOrEqual(5);
    expect(list[0]?.counts).toBeDefined();
  });
});
