import {
  COMPLAINT_MIN_DELIVERED,
  createDispatcher,
  createSimulatedProvider,
  webhookHeaders,
  type EmailProvider,
  type OutgoingMessage,
} from "@rally/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  createTestClock,
  startTestServer,
  type TestServer,
} from "../src/testing.ts";
import { seedCohort, seedShop } from "./support/email-fixtures.ts";

let server: TestServer;
const clock = createTestClock(new Date("2026-06-17T15:00:00Z"));
const outbox: OutgoingMessage[] = [];
const recording: EmailProvider = {
  name: "esp",
  async send(message) {
    outbox.push(message);

    return { ok: true, providerMessageId: `esp-${message.emailId}` };
  },
  close: async () => {},
};

beforeAll(async () => {
  server = await startTestServer({ clock });
  await seedShop(server.db);
});

afterAll(async () => {
  await server?.close();
});

/** A campaign whose emails went out through the recording provider. */
async function sentCampaign(key: string, customers: number, batchSize = 100) {
  const { rule } = await seedCohort(server.db, {
    customers,
    now: clock.now(),
    key,
  });
  const sent = await server.client.campaign.send.mutate({
    ruleId: rule.id,
    idempotencyKey: `key-${key}`,
  });
  await createDispatcher(server.services, {
    provider: recording,
    batchSize,
    ratePerSecond: 1_000,
  }).runOnce();
  const emails = await server.db.prisma.email.findMany({
    where: { campaignId: sent.campaign.id },
    select: { id: true, providerMessageId: true, toAddress: true },
    orderBy: { id: "asc" },
  });

  return { campaignId: sent.campaign.id, emails };
}

async function post(
  body: unknown,
  options: { headers?: Record<string, string>; provider?: string } = {},
) {
  const text = JSON.stringify(body);
  const response = await fetch(
    `${server.url}/webhooks/email/${options.provider ?? "esp"}`,
    {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...webhookHeaders(server.services.secret, text, clock.now()),
        ...options.headers,
      },
      body: text,
    },
  );

  return {
    status: response.status,
    body: (await response.json()) as { outcome?: string },
  };
}

/** Delivered emails of a campaign, as if sent long ago: one INSERT. */
async function addDelivered(campaignId: number, count: number) {
  await server.db.sql.query(
    `INSERT INTO emails (campaign_id, direction, status, to_address,
      from_address, subject, message_id, created_at, updated_at)
    SELECT $1::int, 'OUTBOUND', 'DELIVERED', 'earlier' || n || '@example.com',
      'service@mainst.test', 'Earlier',
      '<earlier-' || $1::int || '-' || n || '@x>',
      now(), now()
    FROM generate_series(1, $2) AS n`,
    [campaignId, count],
  );
}

function statusOf(id: number) {
  return server.db.prisma.email
    .findUniqueOrThrow({ where: { id }, select: { status: true } })
    .then((e) => e.status);
}

describe("POST /webhooks/email/:provider", () => {
  it("applies a signed delivery report once, however often it is replayed", async () => {
    const { emails } = await sentCampaign("hook", 1);
    const email = emails[0]!;
    const body = JSON.stringify({
      type: "delivered",
      providerMessageId: email.providerMessageId,
    });
    const headers = webhookHeaders(server.services.secret, body, clock.now());
    const send = () =>
      fetch(`${server.url}/webhooks/email/esp`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body,
      }).then((r) => r.json());

    const first = await send();
    const replay = await send();
    const events = await server.db.prisma.emailEvent.count({
      where: { emailId: email.id, toStatus: "DELIVERED" },
    });

    expect(first).toEqual({ outcome: "applied" });
    expect(replay).toEqual({ outcome: "duplicate" });
    expect(events).toBe(1);
    expect(await statusOf(email.id)).toBe("DELIVERED");
  });

  it("answers a forged signature or a stale timestamp with 401 and changes nothing", async () => {
    const { emails } = await sentCampaign("forged", 1);
    const email = emails[0]!;
    const event = {
      type: "bounced",
      providerMessageId: email.providerMessageId,
    };

    const forged = await post(event, {
      headers: { "webhook-signature": "v1,AAAA" },
    });
    const stale = await post(event, {
      headers: webhookHeaders(
        server.services.secret,
        JSON.stringify(event),
        new Date(clock.now().getTime() - 3_600_000),
      ),
    });

    expect(forged.status).toBe(401);
    expect(stale.status).toBe(401);
    expect(await statusOf(email.id)).toBe("SENT");
  });

  it("suppresses a hard bounce and ignores a late delivery report after it", async () => {
    const { emails } = await sentCampaign("bounce", 1);
    const email = emails[0]!;

    await post({
      type: "bounced",
      providerMessageId: email.providerMessageId,
      isHardBounce: true,
    });
    const late = await post({
      type: "delivered",
      providerMessageId: email.providerMessageId,
    });
    const suppression = await server.db.prisma.suppression.findUnique({
      where: { email: email.toAddress },
    });

    expect(late.body.outcome).toBe("ignored");
    expect(await statusOf(email.id)).toBe("BOUNCED");
    expect(suppression?.reason).toBe("BOUNCED");
  });

  it("leaves a campaign sending while fewer than the minimum were delivered, whatever its complaint rate", async () => {
    const { campaignId, emails } = await sentCampaign("few-delivered", 3, 2);
    await addDelivered(campaignId, COMPLAINT_MIN_DELIVERED - 3);

    await post({
      type: "complained",
      providerMessageId: emails[0]!.providerMessageId,
    });
    const campaign = await server.client.campaign.get.query({ id: campaignId });
    const suppression = await server.db.prisma.suppression.findUnique({
      where: { email: emails[0]!.toAddress },
    });

    // Its last email stays queued; cancelled, the next test's batch is its own.
    await server.client.campaign.cancel.mutate({ id: campaignId });

    expect(campaign.status).toBe("SENDING");
    expect(campaign.pausedReason).toBeNull();
    expect(suppression?.reason).toBe("COMPLAINED");
  });

  it("pauses a campaign whose complaint rate passes 0.1% over the minimum delivered, and says why", async () => {
    const { campaignId, emails } = await sentCampaign("complaint", 3, 2);
    await addDelivered(campaignId, COMPLAINT_MIN_DELIVERED - 2);

    await post({
      type: "complained",
      providerMessageId: emails[0]!.providerMessageId,
    });
    const afterOne = await server.client.campaign.get.query({ id: campaignId });
    await post({
      type: "complained",
      providerMessageId: emails[1]!.providerMessageId,
    });
    const afterTwo = await server.client.campaign.get.query({ id: campaignId });

    expect(afterOne.status).toBe("SENDING");
    expect(afterTwo.status).toBe("PAUSED");
    expect(afterTwo.pausedReason).toBe(
      `complaint rate 0.20% (2 of ${COMPLAINT_MIN_DELIVERED} delivered)` +
        " passed 0.1%",
    );
  });

  it("takes the simulated provider's outcomes through the same signed path once their time comes", async () => {
    const simulated = createSimulatedProvider({
      webhookUrl: `${server.url}/webhooks/email/simulated`,
      secret: server.services.secret,
      clock,
      // Minutes, so its own wake-up timers stay out of the test's way.
      delayMs: { min: 60_000, max: 180_000 },
      shares: { delivered: 1, bounced: 0, failed: 0, complained: 0 },
    });
    const { rule } = await seedCohort(server.db, {
      customers: 2,
      now: clock.now(),
      key: "sim",
    });
    const sent = await server.client.campaign.send.mutate({
      ruleId: rule.id,
      idempotencyKey: "key-simulated",
    });
    const counts = () =>
      server.client.campaign.get
        .query({ id: sent.campaign.id })
        .then((c) => c.counts);

    await createDispatcher(server.services, {
      provider: simulated,
      ratePerSecond: 1_000,
    }).runOnce();
    const reportedAtOnce = await simulated.reportDue();
    const beforeTheDelay = await counts();
    clock.advance(180_000);
    const reportedLater = await simulated.reportDue();
    await simulated.close();

    expect(reportedAtOnce).toBe(0);
    expect(beforeTheDelay).toEqual({ SENT: 2 });
    expect(reportedLater).toBe(2);
    expect(await counts()).toEqual({ DELIVERED: 2 });
  });
});

describe("one-click unsubscribe", () => {
  it("shows a confirm page on GET and unsubscribes only on POST", async () => {
    const { emails } = await sentCampaign("unsub", 1);
    const message = outbox.find((m) => m.emailId === emails[0]!.id)!;
    const link = /^<(.+)>$/.exec(message.headers["List-Unsubscribe"]!)![1]!;
    const path = new URL(link).pathname;
    const suppressed = () =>
      server.db.prisma.suppression.count({
        where: { email: emails[0]!.toAddress },
      });

    const page = await fetch(`${server.url}${path}`);
    const html = await page.text();
    const afterGet = await suppressed();
    const confirm = await fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    const forged = await fetch(`${server.url}${path}x`, { method: "POST" });

    expect(message.headers["List-Unsubscribe-Post"]).toBe(
      "List-Unsubscribe=One-Click",
    );
    expect(page.status).toBe(200);
    expect(html).toContain('<form method="post">');
    expect(afterGet).toBe(0);
    expect(confirm.status).toBe(200);
    expect(await suppressed()).toBe(1);
    expect(forged.status).toBe(400);
  });
});
