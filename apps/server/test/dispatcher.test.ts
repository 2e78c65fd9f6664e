import {
  createDispatcher,
  createSmtpProvider,
  newMessageId,
  type EmailProvider,
  type SendResult,
} from "@rally/api";
import { openDatabase } from "@rally/db";
import { withDatabase } from "@rally/db/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import {
  createTestClock,
  startTestServer,
  type TestServer,
} from "../src/testing.ts";
import { seedCohort, seedShop } from "./support/email-fixtures.ts";
import { startSmtpSink, type SmtpSink } from "./support/smtp-sink.ts";

const databaseUrl = process.env.DATABASE_URL;
let server: TestServer;
let sink: SmtpSink;
const providers: EmailProvider[] = [];
// A Wednesday, 10:00 in Chicago: inside the shop's sending window.
const clock = createTestClock(new Date("2026-06-17T15:00:00Z"));

function smtp(timeoutMs?: number) {
  const provider = createSmtpProvider({
    host: "127.0.0.1",
    port: sink.port,
    ...(timeoutMs ? { timeoutMs } : {}),
  });
  providers.push(provider);

  return provider;
}

function dispatcherWith(
  provider: EmailProvider,
  ratePerSecond = 1_000,
  rateBucket?: string,
  services = server.services,
) {
  return createDispatcher(services, {
    provider,
    ratePerSecond,
    ...(rateBucket ? { rateBucket } : {}),
    leaseMs: 60_000,
    random: () => 0.5,
  });
}

async function campaignFor(key: string, customers: number, on = server) {
  const { rule } = await seedCohort(on.db, {
    customers,
    now: clock.now(),
    key,
  });

  return on.client.campaign.send.mutate({
    ruleId: rule.id,
    idempotencyKey: `key-${key}`,
  });
}

/** A server of its own, for a test no other test's mail may disturb. */
async function withOwnServer(run: (own: TestServer) => Promise<void>) {
  const own = await startTestServer({ clock });
  try {
    await seedShop(own.db);
    await run(own);
  } finally {
    await own.close();
  }
}

function emailsOf(campaignId: number) {
  return server.db.prisma.email.findMany({
    where: { campaignId },
    select: {
      id: true,
      status: true,
      lastError: true,
      attempts: true,
      toAddress: true,
    },
    orderBy: { id: "asc" },
  });
}

async function databaseName() {
  const [row] = await server.db.sql.query<{ name: string }>(
    "SELECT current_database() AS name",
  );

  return row?.name as string;
}

function sinkCountFor(suffix: string) {
  return sink.received.filter((m) => m.to.some((to) => to.endsWith(suffix)))
    .length;
}

beforeAll(async () => {
  server = await startTestServer({ clock });
  sink = await startSmtpSink();
  await seedShop(server.db, {
    sendWindow: { days: [1, 2, 3, 4, 5], start: "08:00", end: "18:00" },
  });
});

afterEach(() => {
  sink.behave(() => ({ kind: "accept" }));
});

afterAll(async () => {
  await Promise.all(providers.map((provider) => provider.close()));
  await server?.close();
  await sink?.close();
});

describe("the dispatcher", () => {
  it("takes over a killed worker's claim without sending any email twice", async () => {
    const sent = await campaignFor("killed", 3);
    const pending: ((result: SendResult) => void)[] = [];
    const real = smtp();
    let calls = 0;
    // The first email reaches the SMTP server, the second hangs there, the
    // third is still waiting its turn when the worker "dies".
    const dying: EmailProvider = {
      name: "smtp",
      send: (message) =>
        calls++ === 0
          ? real.send(message)
          : new Promise((resolve) => pending.push(resolve)),
      close: async () => {},
    };
    const killed = createDispatcher(server.services, {
      provider: dying,
      ratePerSecond: 1_000,
      concurrency: 1,
      leaseMs: 60_000,
    }).runOnce();
    await expect.poll(() => pending.length).toBe(1);

    const early = await dispatcherWith(smtp()).runOnce();
    clock.advance(61_000);
    const rescued = await dispatcherWith(smtp()).runOnce();
    pending[0]?.({
      ok: false,
      isPermanent: false,
      isSlowDown: false,
      reason: "late",
    });
    await killed;
    const emails = await emailsOf(sent.campaign.id);

    expect(early.claimed).toBe(0);
    expect(rescued).toEqual({ claimed: 1, sent: 1 });
    expect(emails.map((e) => e.status)).toEqual(["SENT", "FAILED", "SENT"]);
    expect(emails[1]?.lastError).toContain("may have been sent");
    expect(sinkCountFor(".killed@example.com")).toBe(2);
  });

  it("retries a provider that times out and sends the email once", async () => {
    const sent = await campaignFor("timeout", 1);
    let isFirst = true;
    sink.behave(() => {
      const behaviour = isFirst
        ? { kind: "hang" as const }
        : { kind: "accept" as const };
      isFirst = false;

      return behaviour;
    });
    const dispatcher = dispatcherWith(smtp(300));

    await dispatcher.runOnce();
    const [waiting] = await emailsOf(sent.campaign.id);
    clock.advance(60_000);
    await dispatcher.runOnce();
    const [done] = await emailsOf(sent.campaign.id);

    expect(waiting?.status).toBe("QUEUED");
    expect(waiting?.lastError).toMatch(/timeout/i);
    expect(done?.status).toBe("SENT");
    expect(done?.attempts).toBe(2);
    expect(sinkCountFor(".timeout@example.com")).toBe(1);
  });

  it("slows down on SMTP 421 and keeps the campaign open until every email is sent", async () => {
    const sent = await campaignFor("slow", 3);
    const dispatcher = dispatcherWith(smtp(), 100, "slow");
    sink.behave(() => ({ kind: "refuse", code: 421, message: "try later" }));

    await dispatcher.runOnce();
    const refused = await server.client.campaign.get.query({
      id: sent.campaign.id,
    });
    sink.behave(() => ({ kind: "accept" }));
    clock.advance(31_000);
    await dispatcher.runOnce();
    const done = await server.client.campaign.get.query({
      id: sent.campaign.id,
    });

    expect(refused.status).toBe("SENDING");
    expect(refused.counts).toEqual({ QUEUED: 3 });
    expect(dispatcher.limiter.currentRate()).toBeLessThan(100);
    expect(done.status).toBe("DONE");
    expect(sinkCountFor(".slow@example.com")).toBe(3);
  });

  it("slows every dispatcher on the bucket when the provider pushes back on one", async () => {
    await campaignFor("pushback", 1);
    const [refused, other] = [
      dispatcherWith(smtp(), 100, "pushback"),
      dispatcherWith(smtp(), 100, "pushback"),
    ];
    sink.behave(() => ({ kind: "refuse", code: 421, message: "try later" }));

    await refused.runOnce();
    clock.advance(1_000);
    // A second at half of 100 per second, from an emptied bucket.
    const granted = await other.limiter.take(1_000);

    expect(refused.limiter.currentRate()).toBe(50);
    expect(other.limiter.currentRate()).toBe(50);
    expect(granted).toBe(50);
  });

  it("fails an email at once on a permanent refusal", async () => {
    const sent = await campaignFor("perm", 1);
    sink.behave(() => ({ kind: "refuse", code: 550, message: "no such user" }));

    await dispatcherWith(smtp()).runOnce();
    const [email] = await emailsOf(sent.campaign.id);

    expect(email?.status).toBe("FAILED");
    expect(email?.lastError).toContain("550");
  });

  it("sends no faster than its token bucket", async () => {
    await campaignFor("rate", 5);
    const dispatcher = dispatcherWith(smtp(), 2, "rate");

    const first = await dispatcher.runOnce();
    const second = await dispatcher.runOnce();
    clock.advance(1_000);
    const third = await dispatcher.runOnce();
    clock.advance(1_000);
    await dispatcher.runOnce();

    expect([first.claimed, second.claimed, third.claimed]).toEqual([2, 0, 2]);
  });

  it("keeps two dispatchers on separate connections within one rate together", async () => {
    const sent = await campaignFor("shared", 10);
    // On PostgreSQL the second dispatcher gets its own pool, as another
    // process would; embedded PGlite has one connection to share.
    const second = databaseUrl
      ? await openDatabase({
          url: withDatabase(databaseUrl, await databaseName()),
          maxConnections: 2,
        })
      : server.db;
    const dispatchers = [
      dispatcherWith(smtp(), 4, "shared"),
      dispatcherWith(smtp(), 4, "shared", { ...server.services, db: second }),
    ];
    const perSecond: number[] = [];
    try {
      for (let round = 0; round < 3; round += 1) {
        const reports = await Promise.all(dispatchers.map((d) => d.runOnce()));
        perSecond.push(reports.reduce((sum, r) => sum + r.claimed, 0));
        clock.advance(1_000);
      }
    } finally {
      if (second !== server.db) {
        await second.close();
      }
    }
    const campaign = await server.client.campaign.get.query({
      id: sent.campaign.id,
    });

    expect(perSecond).toEqual([4, 4, 2]);
    expect(campaign.counts).toEqual({ SENT: 10 });
    expect(sinkCountFor(".shared@example.com")).toBe(10);
  });

  it("skips, with the reason, recipients who unsubscribed or whose vehicle was booked or sold since queueing", async () => {
    const sent = await campaignFor("recheck", 4);
    const recipients = await server.db.prisma.campaignRecipient.findMany({
      where: { campaignId: sent.campaign.id },
      select: { vehicleId: true, customer: { select: { email: true } } },
      orderBy: { customerId: "asc" },
    });
    await server.db.prisma.suppression.create({
      data: {
        email: recipients[0]?.customer.email as string,
        reason: "UNSUBSCRIBED",
      },
    });
    await server.db.prisma.appointment.create({
      data: {
        vehicleId: recipients[1]?.vehicleId as number,
        scheduledFor: new Date(clock.now().getTime() + 86_400_000),
      },
    });
    await server.db.prisma.vehicle.update({
      where: { id: recipients[2]?.vehicleId as number },
      data: { status: "SOLD" },
    });

    await dispatcherWith(smtp()).runOnce();
    const emails = await emailsOf(sent.campaign.id);

    expect(emails.map((e) => [e.status, e.lastError])).toEqual([
      ["SKIPPED", "address unsubscribed"],
      ["SKIPPED", "vehicle booked since the campaign was queued"],
      ["SKIPPED", "vehicle no longer active (sold or retired)"],
      ["SENT", null],
    ]);
    expect(sinkCountFor(".recheck@example.com")).toBe(1);
  });

  it("holds campaign mail outside the sending window but lets a reply through", async () => {
    const sent = await campaignFor("window", 1);
    // Saturday 10:00 in Chicago.
    clock.set(new Date("2026-06-20T15:00:00Z"));
    await server.db.prisma.email.create({
      data: {
        toAddress: "reply.window@example.com",
        fromAddress: "service@mainst.test",
        subject: "Re: your visit",
        text: "See you Monday.",
        messageId: newMessageId("mainst.test"),
      },
    });
    const dispatcher = dispatcherWith(smtp());

    await dispatcher.runOnce();
    const [held] = await emailsOf(sent.campaign.id);
    // Monday 08:00 in Chicago.
    clock.set(new Date("2026-06-22T13:00:00Z"));
    await dispatcher.runOnce();
    const [released] = await emailsOf(sent.campaign.id);
    clock.set(new Date("2026-06-24T15:00:00Z"));

    expect(held?.status).toBe("QUEUED");
    expect(sinkCountFor("reply.window@example.com")).toBe(1);
    expect(released?.status).toBe("SENT");
  });

  it("claims other mail past a paused campaign's and its mail after resume", async () => {
    const held = await campaignFor("paused", 3);
    await server.client.campaign.pause.mutate({ id: held.campaign.id });
    const other = await campaignFor("unpaused", 2);
    const dispatcher = dispatcherWith(smtp());

    const whilePaused = await dispatcher.runOnce();
    const heldWhilePaused = await emailsOf(held.campaign.id);
    await server.client.campaign.resume.mutate({ id: held.campaign.id });
    const afterResume = await dispatcher.runOnce();
    const campaign = await server.client.campaign.get.query({
      id: held.campaign.id,
    });

    expect(whilePaused).toEqual({ claimed: 2, sent: 2 });
    expect(heldWhilePaused.map((e) => e.status)).toEqual([
      "QUEUED",
      "QUEUED",
      "QUEUED",
    ]);
    expect((await emailsOf(other.campaign.id)).map((e) => e.status)).toEqual([
      "SENT",
      "SENT",
    ]);
    expect(afterResume).toEqual({ claimed: 3, sent: 3 });
    expect(campaign.status).toBe("DONE");
  });

  it("when idle, waits for the next retry of a campaign that may send, not a paused one's", async () => {
    await withOwnServer(async (own) => {
      const send = async (key: string, retryInMinutes: number) => {
        const { campaign } = await campaignFor(key, 2, own);
        const retryAt = new Date(
          clock.now().getTime() + retryInMinutes * 60_000,
        );
        await own.db.prisma.email.updateMany({
          where: { campaignId: campaign.id },
          data: { nextAttemptAt: retryAt },
        });

        return { campaign, retryAt };
      };
      const paused = await send("wake-paused", 5);
      const sending = await send("wake-sending", 20);
      await own.client.campaign.pause.mutate({ id: paused.campaign.id });
      const dispatcher = dispatcherWith(smtp(), 1_000, undefined, own.services);

      const whilePaused = await dispatcher.nextWakeAt();
      await own.client.campaign.resume.mutate({ id: paused.campaign.id });
      const afterResume = await dispatcher.nextWakeAt();

      expect(whilePaused).toEqual(sending.retryAt);
      expect(afterResume).toEqual(paused.retryAt);
    });
  });

  it("held back by its rate, claims a quarter second's worth of tokens at a time", async () => {
    await withOwnServer(async (own) => {
      await campaignFor("gather", 45, own);
      const dispatcher = dispatcherWith(smtp(), 40, "gather", own.services);

      const start = clock.now();
      const first = await dispatcher.runOnce();
      const wake = await dispatcher.nextWakeAt();
      clock.advance(100);
      const early = await dispatcher.runOnce();
      clock.advance(150);
      const gathered = await dispatcher.runOnce();

      // The burst (a second's worth) went at once; at 40 a second the
      // next wake waits for 10 tokens, not for the next one, and the 4
      // there after 100 ms are left to gather.
      expect(first.claimed).toBe(40);
      expect(wake).toEqual(new Date(start.getTime() + 250));
      expect(early.claimed).toBe(0);
      expect(gathered.claimed).toBe(5);
    });
  });

  it("wakes on NOTIFY when mail is queued and stops gracefully", async () => {
    const dispatcher = dispatcherWith(smtp());
    await dispatcher.start();
    const before = sink.count();

    await server.db.prisma.email.create({
      data: {
        toAddress: "outbox.notify@example.com",
        fromAddress: "service@mainst.test",
        subject: "Your car is ready",
        text: "Pick it up any time.",
        messageId: newMessageId("mainst.test"),
      },
    });
    await sink.waitFor(before + 1);
    await dispatcher.stop();

    expect(sinkCountFor("outbox.notify@example.com")).toBe(1);
  });

  it("finishes a campaign sent in small batches on two lanes, each email once", async () => {
    const sent = await campaignFor("lanes", 9);
    const before = sink.count();
    const dispatcher = createDispatcher(server.services, {
      provider: smtp(),
      ratePerSecond: 1_000,
      batchSize: 2,
      lanes: 2,
    });

    await dispatcher.start();
    await sink.waitFor(before + 9);
    await dispatcher.stop();
    const campaign = await server.client.campaign.get.query({
      id: sent.campaign.id,
    });

    expect(sinkCountFor(".lanes@example.com")).toBe(9);
    expect(campaign.counts).toEqual({ SENT: 9 });
    expect(campaign.status).toBe("DONE");
  });
});
