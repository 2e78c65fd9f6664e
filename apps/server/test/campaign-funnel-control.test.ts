import {
  createDispatcher,
  createSmtpProvider,
  type Dispatcher,
} from "@rally/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  createTestClock,
  startTestServer,
  type TestServer,
} from "../src/testing.ts";
import { seedCohort, seedShop } from "./support/email-fixtures.ts";
import { startSmtpSink, type SmtpSink } from "./support/smtp-sink.ts";

let server: TestServer;
let sink: SmtpSink;
let provider: ReturnType<typeof createSmtpProvider>;
const clock = createTestClock(new Date("2026-06-15T15:00:00Z"));
const hour = 3_600_000;

beforeAll(async () => {
  server = await startTestServer({ clock });
  sink = await startSmtpSink();
  await seedShop(server.db);
  provider = createSmtpProvider({ host: "127.0.0.1", port: sink.port });
});

afterAll(async () => {
  await provider?.close();
  await server?.close();
  await sink?.close();
});

function dispatcherOf(batchSize: number): Dispatcher {
  return createDispatcher(server.services, {
    provider,
    batchSize,
    ratePerSecond: 1_000,
  });
}

/** A campaign of `customers` with `controlShare` held out, queued. */
async function queued(key: string, customers: number, controlShare: number) {
  const { rule } = await seedCohort(server.db, {
    customers,
    now: clock.now(),
    key,
  });
  const sent = await server.client.campaign.send.mutate({
    ruleId: rule.id,
    idempotencyKey: `funnel-${key}`,
    controlShare,
  });

  return sent.campaign.id;
}

async function recipientsOf(campaignId: number) {
  const rows = await server.db.prisma.campaignRecipient.findMany({
    where: { campaignId },
    select: {
      vehicleId: true,
      isControl: true,
      customer: { select: { email: true } },
      email: { select: { status: true } },
    },
    orderBy: { id: "asc" },
  });
  const received = new Set(sink.received.flatMap((m) => m.to));

  return rows.map((row) => ({
    ...row,
    isReceived: received.has(row.customer.email ?? ""),
  }));
}

async function book(vehicleId: number, campaignId: number | null) {
  const at = new Date(clock.now().getTime() + hour);
  await server.db.prisma.appointment.create({
    data: {
      vehicleId,
      scheduledFor: new Date(at.getTime() + 48 * hour),
      source: campaignId ? "EMAIL_LINK" : "CONSOLE",
      campaignId,
      createdAt: at,
    },
  });
}

async function funnelOf(campaignId: number) {
  const funnel = await server.client.campaign.funnel.query({ campaignId });

  return funnel.campaigns[0];
}

describe("the funnel and control group of a cancelled or paused campaign", () => {
  it("leaves the recipients a cancel kept from being emailed out of the emailed group", async () => {
    const campaignId = await queued("cancelled", 10, 0.3);
    await dispatcherOf(3).runOnce();
    await server.client.campaign.cancel.mutate({ id: campaignId });
    await dispatcherOf(100).runOnce();
    const recipients = await recipientsOf(campaignId);
    const emailed = recipients.filter((r) => r.email?.status === "SENT");
    const controls = recipients.filter((r) => r.isControl);
    await book(emailed[0]!.vehicleId, campaignId);
    await book(controls[0]!.vehicleId, null);

    const funnel = await funnelOf(campaignId);

    expect(recipients.filter((r) => r.isReceived)).toEqual(emailed);
    expect(emailed).toHaveLength(3);
    expect(controls.some((r) => r.email !== null)).toBe(false);
    expect(funnel).toMatchObject({
      recipients: 3,
      sent: 3,
      booked: 1,
      control: { recipients: 3, booked: 1, lift: 0 },
    });
  });

  it("keeps the queued recipients of a paused campaign and sends only them on resume", async () => {
    const campaignId = await queued("paused", 6, 0.5);
    await dispatcherOf(2).runOnce();
    await server.client.campaign.pause.mutate({ id: campaignId });
    const whilePaused = await funnelOf(campaignId);

    await server.client.campaign.resume.mutate({ id: campaignId });
    await dispatcherOf(100).runOnce();
    const resumed = await funnelOf(campaignId);
    const recipients = await recipientsOf(campaignId);

    expect(whilePaused).toMatchObject({
      recipients: 3,
      sent: 2,
      control: { recipients: 3 },
    });
    expect(resumed).toMatchObject({
      recipients: 3,
      sent: 3,
      control: { recipients: 3 },
    });
    expect(recipients.map((r) => r.isReceived)).toEqual(
      recipients.map((r) => !r.isControl),
    );
  });
});
