import { randomUUID } from "node:crypto";

import { bookingLinkFor } from "@rally/api";
import { createRallyClient } from "@rally/client/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  createTestClock,
  errorOf,
  startTestServer,
  type TestServer,
} from "../src/testing.ts";
import {
  createCampaignThread,
  createOwner,
  createShop,
} from "./support/test-data.ts";

const start = new Date("2026-06-15T12:00:00Z");
const clock = createTestClock(start);
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ clock });
});

afterAll(async () => {
  await server?.close();
});

function tokenOf(link: string) {
  return link.split("/book/")[1] ?? "";
}

async function linkForNewVehicle() {
  const { vehicle } = await createOwner(server.db);
  const link = bookingLinkFor(server.services, { vehicleId: vehicle.id });

  return { vehicle, link, token: tokenOf(link) };
}

describe("booking slots", () => {
  it("offers weekday hours in UTC while the shop has no settings", async () => {
    const { token } = await linkForNewVehicle();
    const page = await server.client.booking.slots.query({ token });

    expect(page.status).toBe("open");
    if (page.status === "open") {
      expect(page.slots[0]).toEqual(new Date("2026-06-15T13:00:00Z"));
      expect(page.slots.map((s) => s.getUTCHours())).not.toContain(17);
      expect(page.slots.map((s) => s.getUTCDay())).not.toContain(6);
    }
  });
});

describe("booking through a link", () => {
  beforeAll(async () => {
    await createShop(server.db, { bayCapacity: 1 });
  });

  it("books a slot and credits the campaign email the link came from", async () => {
    const { vehicle, campaign, email } = await createCampaignThread(server.db, {
      at: start,
    });
    const link = bookingLinkFor(server.services, {
      vehicleId: vehicle.id,
      emailId: email.id,
      campaignId: campaign.id,
    });
    const slot = new Date("2026-06-16T09:00:00Z");
    const appointment = await server.client.booking.book.mutate({
      token: tokenOf(link),
      slot,
    });
    const afterwards = await server.client.booking.slots.query({
      token: tokenOf(link),
    });
    const again = await errorOf(
      server.client.booking.book.mutate({
        token: tokenOf(link),
        slot: new Date("2026-06-16T10:00:00Z"),
      }),
    );

    expect(appointment).toMatchObject({
      status: "SCHEDULED",
      source: "EMAIL_LINK",
      campaignId: campaign.id,
      emailId: email.id,
    });
    expect(afterwards).toMatchObject({ status: "booked", scheduledFor: slot });
    expect(again.data?.code).toBe("CONFLICT");
  });

  it("gives the last bay in a slot to one of four simultaneous requests", async () => {
    const slot = new Date("2026-06-17T14:00:00Z");
    const links = await Promise.all([1, 2, 3, 4].map(linkForNewVehicle));
    // Separate clients, so the requests are not batched into one.
    const clients = links.map(() => createRallyClient({ url: server.url }));
    const results = await Promise.allSettled(
      links.map((link, index) =>
        clients[index]!.booking.book.mutate({ token: link.token, slot }),
      ),
    );
    for (const client of clients) {
      client.close();
    }
    const refused = results.filter((r) => r.status === "rejected");
    const booked = await server.db.prisma.appointment.count({
      where: { scheduledFor: slot, status: "SCHEDULED" },
    });

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(refused).toHaveLength(3);
    for (const result of refused) {
      expect(String(result.reason)).toContain("is gone");
    }
    expect(booked).toBe(1);
  });

  it("no longer offers a slot whose bays are full", async () => {
    const first = await linkForNewVehicle();
    const second = await linkForNewVehicle();
    const slot = new Date("2026-06-18T08:00:00Z");
    await server.client.booking.book.mutate({ token: first.token, slot });
    const page = await server.client.booking.slots.query({
      token: second.token,
    });

    expect(page.status === "open" && page.slots).not.toContainEqual(slot);
  });

  it("refuses a forged token and a slot the shop does not offer", async () => {
    const { token } = await linkForNewVehicle();
    const forged = `${token.slice(0, -2)}xx`;
    const page = await server.client.booking.slots.query({ token: forged });
    const bookForged = await errorOf(
      server.client.booking.book.mutate({
        token: forged,
        slot: new Date("2026-06-16T11:00:00Z"),
      }),
    );
    const saturday = await errorOf(
      server.client.booking.book.mutate({
        token,
        slot: new Date("2026-06-20T10:00:00Z"),
      }),
    );

    expect(page).toEqual({ status: "invalid", reason: "forged" });
    expect(bookForged.data?.fieldErrors[0]?.path).toBe("token");
    expect(saturday.data?.code).toBe("BAD_REQUEST");
    expect(saturday.data?.fieldErrors[0]?.path).toBe("slot");
  });
});

describe("the public booking page", () => {
  it("lists free times and books the one picked", async () => {
    const { link, vehicle } = await linkForNewVehicle();
    const path = new URL(link).pathname;
    const page = await fetch(`${server.url}${path}`);
    const html = await page.text();
    const booked = await fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "slot=2026-06-19T15%3A00%3A00.000Z",
    });
    const revisit = await fetch(`${server.url}${path}`);

    expect(page.status).toBe(200);
    expect(html).toContain("Book your 2018 Toyota Corolla");
    expect(html).toContain('value="2026-06-19T15:00:00.000Z"');
    expect(await booked.text()).toContain("You&#39;re booked");
    expect(await revisit.text()).toContain("Friday, June 19 at 3:00 PM");
    expect(
      await server.db.prisma.appointment.count({
        where: { vehicleId: vehicle.id, source: "EMAIL_LINK" },
      }),
    ).toBe(1);
  });

  it("says the time was just taken when its last bay is gone", async () => {
    const first = await linkForNewVehicle();
    const second = await linkForNewVehicle();
    const slot = new Date("2026-06-19T16:00:00Z");
    await server.client.booking.book.mutate({ token: first.token, slot });
    const response = await fetch(
      `${server.url}${new URL(second.link).pathname}`,
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: `slot=${encodeURIComponent(slot.toISOString())}`,
      },
    );

    expect(response.status).toBe(409);
    expect(await response.text()).toContain("that time was just taken");
  });

  it("shows a clear page for a forged or expired link", async () => {
    const { link } = await linkForNewVehicle();
    const forged = await fetch(
      `${link.replace("http://rally.test", server.url)}x`,
    );
    clock.set(new Date(start.getTime() + 31 * 86_400_000));
    const expired = await fetch(link.replace("http://rally.test", server.url));
    clock.set(start);

    expect(forged.status).toBe(200);
    expect(await forged.text()).toContain("This booking link is not valid");
    expect(await expired.text()).toContain("This booking link has expired");
  });
});

describe("attribution after a reply", () => {
  async function replyThenBook(daysBetween: number) {
    const { customer, vehicle, campaign, thread } = await createCampaignThread(
      server.db,
      { at: start },
    );
    await server.db.prisma.email.create({
      data: {
        threadId: thread.id,
        customerId: customer.id,
        direction: "INBOUND",
        status: "RECEIVED",
        toAddress: "service@mainstreet.test",
        fromAddress: customer.email ?? "",
        subject: "Re: oil",
        text: "Can I come in next week?",
        messageId: `<${randomUUID()}@example.com>`,
        createdAt: new Date(start.getTime() + 3_600_000),
      },
    });
    clock.set(new Date(start.getTime() + 3_600_000 + daysBetween * 86_400_000));
    const appointment = await server.client.appointment.create.mutate({
      vehicleId: vehicle.id,
      scheduledFor: new Date("2026-07-01T09:00:00Z"),
      source: "REPLY",
    });
    clock.set(start);

    return { appointment, campaign };
  }

  it("credits a booking six days after a reply to the campaign", async () => {
    const { appointment, campaign } = await replyThenBook(6);

    expect(appointment.campaignId).toBe(campaign.id);
  });

  it("credits no campaign for a booking eight days after the reply", async () => {
    const { appointment } = await replyThenBook(8);

    expect(appointment.campaignId).toBeNull();
  });
});
