import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  createTestClock,
  errorOf,
  startTestServer,
  type TestServer,
} from "../src/testing.ts";
import { seedCohort, seedShop } from "./support/email-fixtures.ts";

// A Monday, 10:00 in the shop's zone (America/Chicago).
const clock = createTestClock(new Date("2026-06-15T15:00:00Z"));
const day = 86_400_000;
let server: TestServer;
let ruleId: number;
let campaignId: number;

beforeAll(async () => {
  server = await startTestServer({ clock });
  await seedShop(server.db);
});

beforeAll(async () => {
  const { rule } = await seedCohort(server.db, {
    customers: 3,
    extraVehicles: 1,
    now: clock.now(),
    key: "dash",
  });
  ruleId = rule.id;
});

afterAll(async () => {
  await server?.close();
});

describe("cohort.preview", () => {
  it("counts the customers a send would email, one per owner", async () => {
    const preview = await server.client.cohort.preview.query({
      ruleId,
      limit: 1,
    });

    expect(preview).toMatchObject({ total: 4, customers: 3 });
  });
});

describe("dashboard.dueByRule", () => {
  it("counts each active rule's due vehicles and those a send would email", async () => {
    const rows = await server.client.dashboard.dueByRule.query();

    expect(rows).toEqual([
      {
        id: ruleId,
        name: "Oil due dash",
        kind: "SERVICE_DUE",
        due: 4,
        eligible: 4,
        problem: null,
      },
    ]);
  });

  it("leaves vehicles a campaign has emailed out of the eligible count", async () => {
    const sent = await server.client.campaign.send.mutate({
      ruleId,
      idempotencyKey: "dashboard-send-1",
    });
    campaignId = sent.campaign.id;
    const [row] = await server.client.dashboard.dueByRule.query();

    expect(row).toMatchObject({ due: 4, eligible: 0 });
  });
});

describe("vehicle.get", () => {
  it("lists the campaign email that covered the vehicle among its owner's others", async () => {
    const vehicles = await server.db.prisma.vehicle.findMany({
      where: { customer: { email: "c0.dash@example.com" } },
      select: { id: true, make: true },
      orderBy: { id: "asc" },
    });
    const [toyota, honda] = await Promise.all(
      vehicles.map(({ id }) => server.client.vehicle.get.query({ id })),
    );

    expect(vehicles.map((vehicle) => vehicle.make)).toEqual([
      "Toyota",
      "Honda",
    ]);
    expect(honda?.emails).toEqual([
      expect.objectContaining({
        campaignId,
        toAddress: "c0.dash@example.com",
        status: "QUEUED",
      }),
    ]);
    expect(toyota?.emails.map((email) => email.id)).toEqual(
      honda?.emails.map((email) => email.id),
    );
  });
});

describe("campaign.emails", () => {
  it("pages through a campaign's emails with their recipients", async () => {
    const first = await server.client.campaign.emails.query({
      campaignId,
      limit: 2,
    });
    const rest = await server.client.campaign.emails.query({
      campaignId,
      limit: 2,
      cursor: first.nextCursor,
    });

    expect(first.items).toHaveLength(2);
    expect(first.items[0]).toMatchObject({
      status: "QUEUED",
      toAddress: "c0.dash@example.com",
      customer: { firstName: "Cust0", lastName: "dash" },
      vehicle: { make: "Toyota", model: "Corolla", year: 2018 },
      // c0 owns a Honda too, due as well: one email covers both.
      vehicleCount: 2,
    });
    expect(first.items[1]?.vehicleCount).toBe(1);
    expect(rest.items.map((email) => email.toAddress)).toEqual([
      "c2.dash@example.com",
    ]);
    expect(rest.nextCursor).toBeUndefined();
  });

  it("filters by status", async () => {
    const page = await server.client.campaign.emails.query({
      campaignId,
      status: "DELIVERED",
    });

    expect(page.items).toEqual([]);
  });

  it("refuses an unknown campaign, naming the field", async () => {
    const error = await errorOf(
      server.client.campaign.emails.query({ campaignId: 999_999 }),
    );

    expect(error.data?.code).toBe("NOT_FOUND");
    expect(error.message).toContain("999999");
  });
});

describe("dashboard.summary", () => {
  it("refuses a period end past what the database stores, naming the field", async () => {
    const error = await errorOf(
      server.client.dashboard.summary.query({
        to: new Date("+010000-01-01T00:00:00Z"),
      }),
    );

    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.data?.fieldErrors).toEqual([
      { path: "to", message: "must be before 2200" },
    ]);
  });

  it("counts today's email activity, this week's bookings and the next runs", async () => {
    const [email] = await server.db.prisma.email.findMany({
      where: { campaignId },
      select: { vehicleId: true },
      take: 1,
    });
    await server.client.appointment.create.mutate({
      vehicleId: email!.vehicleId!,
      scheduledFor: new Date(clock.now().getTime() + 2 * day),
    });
    const runAt = new Date(clock.now().getTime() + 3 * day);
    await server.client.schedule.create.mutate({ ruleId, runAt });

    const summary = await server.client.dashboard.summary.query({});

    expect(summary.timeZone).toBe("America/Chicago");
    expect(summary.emailsToday).toEqual({ QUEUED: 3 });
    expect(summary.appointments).toMatchObject({
      bookedThisWeek: 1,
      upcomingWeek: 1,
    });
    expect(summary.upcomingRuns).toEqual([
      expect.objectContaining({
        kind: "one-off",
        ruleName: "Oil due dash",
        runAt,
      }),
    ]);
  });

  it("gives the chart every local day of the period, quiet days as zeros", async () => {
    const { funnel } = await server.client.dashboard.summary.query({});

    expect(funnel.series).toHaveLength(31);
    expect(funnel.series[0]).toEqual({
      day: "2026-05-16",
      sent: 0,
      delivered: 0,
      bounced: 0,
      replied: 0,
      booked: 0,
    });
    expect(funnel.series.at(-1)?.day).toBe("2026-06-15");
  });

  it("starts today at the shop's local midnight", async () => {
    clock.set(new Date("2026-06-16T04:59:00Z"));
    const lateMonday = await server.client.dashboard.summary.query({});
    clock.set(new Date("2026-06-16T05:01:00Z"));
    const earlyTuesday = await server.client.dashboard.summary.query({});
    clock.set(new Date("2026-06-15T15:00:00Z"));

    expect(lateMonday.emailsToday).toEqual({ QUEUED: 3 });
    expect(earlyTuesday.emailsToday).toEqual({});
    expect(earlyTuesday.appointments.bookedThisWeek).toBe(1);
  });
});
