import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  createTestClock,
  startTestServer,
  type TestServer,
} from "../src/testing.ts";
import {
  createCampaign,
  createCampaignEmail,
  createControlRecipient,
  createOwner,
} from "./support/test-data.ts";

const start = new Date("2026-06-15T12:00:00Z");
const hour = 3_600_000;
let server: TestServer;
let campaignId: number;
let quietCampaignId: number;

async function book(vehicleId: number, at: Date, campaign: number | null) {
  await server.db.prisma.appointment.create({
    data: {
      vehicleId,
      scheduledFor: new Date(at.getTime() + 48 * hour),
      source: campaign ? "EMAIL_LINK" : "CONSOLE",
      campaignId: campaign,
      createdAt: at,
    },
  });
}

beforeAll(async () => {
  server = await startTestServer({
    clock: createTestClock(new Date(start.getTime() + 72 * hour)),
  });
});

// Seeding has a hook (and a timeout) of its own: on a busy machine the
// embedded database's start-up alone can take much of the first.
beforeAll(async () => {
  const campaign = await createCampaign(server.db, start);
  campaignId = campaign.id;
  const statuses = ["DELIVERED", "DELIVERED", "SENT", "BOUNCED"] as const;
  const emailed = [];
  for (const status of statuses) {
    const { customer, vehicle } = await createOwner(server.db);
    const sent = await createCampaignEmail(server.db, {
      campaignId,
      customer,
      vehicleId: vehicle.id,
      at: start,
      status,
    });
    emailed.push({ customer, vehicle, ...sent });
  }
  const control = [];
  for (let index = 0; index < 4; index += 1) {
    control.push(
      await createControlRecipient(server.db, { campaignId, at: start }),
    );
  }
  const [first, second] = emailed;
  await server.db.prisma.email.create({
    data: {
      threadId: first!.thread.id,
      customerId: first!.customer.id,
      direction: "INBOUND",
      status: "RECEIVED",
      toAddress: "service@mainstreet.test",
      fromAddress: first!.customer.email!,
      subject: "Re: oil",
      text: "Yes",
      messageId: `<${randomUUID()}@example.com>`,
      createdAt: new Date(start.getTime() + hour),
    },
  });
  await book(
    first!.vehicle.id,
    new Date(start.getTime() + 2 * hour),
    campaignId,
  );
  await book(
    second!.vehicle.id,
    new Date(start.getTime() + 24 * hour),
    campaignId,
  );
  await book(
    control[0]!.vehicle.id,
    new Date(start.getTime() + 24 * hour),
    null,
  );
  const quiet = await createCampaign(
    server.db,
    new Date(start.getTime() + 30 * hour),
  );
  quietCampaignId = quiet.id;
});

afterAll(async () => {
  await server?.close();
});

describe("campaign.funnel", () => {
  it("counts a campaign's funnel and its lift over the control group", async () => {
    const funnel = await server.client.campaign.funnel.query({ campaignId });

    expect(funnel.campaigns).toHaveLength(1);
    expect(funnel.campaigns[0]).toMatchObject({
      campaignId,
      recipients: 4,
      sent: 4,
      delivered: 2,
      bounced: 1,
      replied: 1,
      booked: 2,
      bookingRate: 0.5,
      control: {
        recipients: 4,
        booked: 1,
        bookingRate: 0.25,
        emailedBookingRate: 0.5,
        lift: 0.25,
        relativeLift: 1,
      },
    });
  });

  it("gives a series per day", async () => {
    const funnel = await server.client.campaign.funnel.query({ campaignId });

    expect(funnel.series).toEqual([
      {
        day: "2026-06-15",
        sent: 4,
        delivered: 2,
        bounced: 1,
        replied: 1,
        booked: 1,
      },
      {
        day: "2026-06-16",
        sent: 0,
        delivered: 0,
        bounced: 0,
        replied: 0,
        booked: 1,
      },
    ]);
  });

  it("limits the campaigns to those started in the period", async () => {
    const funnel = await server.client.campaign.funnel.query({
      from: new Date(start.getTime() + hour),
    });

    expect(funnel.campaigns.map((c) => c.campaignId)).toEqual([
      quietCampaignId,
    ]);
    expect(funnel.totals).toMatchObject({
      recipients: 0,
      booked: 0,
      control: null,
    });
  });
});

describe("dashboard.summary", () => {
  it("sums the period's funnel, upcoming bookings and waiting replies", async () => {
    const summary = await server.client.dashboard.summary.query({});

    expect(summary.funnel.totals).toMatchObject({
      recipients: 4,
      booked: 2,
      replied: 1,
    });
    expect(summary.appointments.bookedBySource).toEqual({
      EMAIL_LINK: 2,
      CONSOLE: 1,
    });
    expect(summary.appointments.upcomingWeek).toBe(2);
  });
});
