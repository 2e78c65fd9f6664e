import { bookingLinkFor, loadShopSettings, type StoredEvent } from "@rally/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  createTestClock,
  errorOf,
  startTestServer,
  type TestServer,
} from "../src/testing.ts";
import { collect, eventsOf } from "./event-helpers.ts";
import { seedRule } from "./support/scheduling.ts";
import { createOwner } from "./support/test-data.ts";

const clock = createTestClock(new Date("2026-06-15T12:00:00Z"));
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ clock });
});

afterAll(async () => {
  await server?.close();
});

const shop = {
  name: "Main Street Auto",
  timeZone: "America/Chicago",
  openingHours: [
    { day: 1, open: "07:30", close: "12:00" },
    { day: 1, open: "13:00", close: "18:00" },
    { day: 6, open: "09:00", close: "13:00" },
  ],
  bayCapacity: 4,
  senderName: "Main Street Service",
  senderEmail: "Service@MainStreet.example",
  postalAddress: "1 Main St, Springfield, IL 62701",
  phone: "+1 217 555 0100",
  bookingBaseUrl: "https://book.mainstreet.example",
  frequencyCapDays: 14,
  sendWindow: { days: [5, 1, 2, 3, 4], start: "08:00", end: "19:00" },
};

async function auditEntries() {
  return server.db.prisma.auditEntry.findMany({
    where: { action: "settings.update" },
    orderBy: { id: "asc" },
  });
}

describe("shop settings", () => {
  it("reads the defaults and refuses a first save without an address", async () => {
    const viewer = await server.clientFor("VIEWER");
    const before = await viewer.settings.get.query();

    expect(before).toMatchObject({ isSaved: false, timeZone: "UTC" });

    const error = await errorOf(
      server.client.settings.update.mutate({ name: "Half set up" }),
    );

    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.data?.fieldErrors).toEqual([
      { path: "postalAddress", message: expect.stringContaining("first") },
    ]);
    expect(await server.db.prisma.shopSettings.count()).toBe(0);
  });

  it("saves every setting, audits it and tells every console", async () => {
    const feed = collect((handlers) =>
      server.client.events.onAll.subscribe({}, handlers),
    );
    await feed.started;
    const saved = await server.client.settings.update.mutate(shop);
    const received = await feed.until((items) =>
      eventsOf(items).some((event) => event.type === "settings.changed"),
    );
    feed.stop();
    const event = eventsOf(received).find(
      (item): item is StoredEvent => item.type === "settings.changed",
    );

    expect(saved).toMatchObject({
      ...shop,
      senderEmail: "service@mainstreet.example",
      sendWindow: { days: [1, 2, 3, 4, 5], start: "08:00", end: "19:00" },
      isSaved: true,
      emailProvider: null,
    });
    expect(await server.client.settings.get.query()).toEqual(saved);
    expect(event?.payload.fields).toContain("timeZone");
    const [entry] = await auditEntries();
    expect(entry).toMatchObject({ subject: "settings", actorKind: "token" });
  });

  it("changes only the settings given and records which changed", async () => {
    await server.client.settings.update.mutate({ bayCapacity: 6, phone: null });
    const after = await server.client.settings.get.query();

    expect(after).toMatchObject({ bayCapacity: 6, phone: null });
    expect(after.name).toBe(shop.name);
    expect((await auditEntries()).at(-1)?.data).toMatchObject({
      changed: ["bayCapacity", "phone"],
    });
  });

  it("leaves changes to admins", async () => {
    for (const role of ["VIEWER", "STAFF"] as const) {
      const client = await server.clientFor(role);
      const error = await errorOf(
        client.settings.update.mutate({ name: "Taken over" }),
      );

      expect(error.data?.code).toBe("FORBIDDEN");
    }
    expect((await server.client.settings.get.query()).name).toBe(shop.name);
  });

  it.each([
    ["timeZone", { timeZone: "Mars/Olympus_Mons" }],
    ["bayCapacity", { bayCapacity: 0 }],
    ["frequencyCapDays", { frequencyCapDays: 366 }],
    ["senderEmail", { senderEmail: "not an address" }],
    ["bookingBaseUrl", { bookingBaseUrl: "javascript:alert(1)" }],
    ["name", { name: "x".repeat(101) }],
    // Not a setting: the provider is the deployment's to choose.
    ["provider", { provider: "smtp" }],
    [
      "openingHours.0.close",
      { openingHours: [{ day: 2, open: "18:00", close: "08:00" }] },
    ],
    [
      "openingHours.1.open",
      {
        openingHours: [
          { day: 2, open: "08:00", close: "12:00" },
          { day: 2, open: "11:00", close: "17:00" },
        ],
      },
    ],
    [
      "sendWindow.end",
      { sendWindow: { days: [1], start: "18:00", end: "09:00" } },
    ],
    [
      "sendWindow.days",
      { sendWindow: { days: [], start: "08:00", end: "09:00" } },
    ],
  ])(
    "refuses a bad %s, naming it, and changes nothing",
    async (field, input) => {
      const before = await server.client.settings.get.query();
      const error = await errorOf(
        server.client.settings.update.mutate(input as never),
      );

      expect(error.data?.code).toBe("BAD_REQUEST");
      expect(error.data?.fieldErrors.map((f) => f.path)).toContain(field);
      expect(await server.client.settings.get.query()).toEqual(before);
    },
  );

  it("reaches the services that read the shop's settings", async () => {
    await server.client.settings.update.mutate({
      name: "Renamed Auto",
      timeZone: "Asia/Tokyo",
      bayCapacity: 3,
    });
    const { ruleId } = await seedRule(server.db);
    const schedule = await server.client.recurring.create.mutate({
      name: "Tokyo mornings",
      ruleId,
      frequency: "DAILY",
      timeOfDay: "09:00",
    });
    const preview = await server.client.template.preview.query({
      draft: {
        name: "Shop",
        subject: "From {{ shop.name }}",
        html: "<p>Hi</p>",
      },
    });
    const booking = await loadShopSettings(server.db);
    const { vehicle } = await createOwner(server.db);
    const link = bookingLinkFor(server.services, { vehicleId: vehicle.id });
    const slots = await server.client.booking.slots.query({
      token: link.split("/book/")[1] ?? "",
    });

    expect(schedule.timeZone).toBe("Asia/Tokyo");
    expect(preview.subject).toBe("From Renamed Auto");
    expect(booking).toMatchObject({ timeZone: "Asia/Tokyo", bayCapacity: 3 });
    expect(slots.status === "open" && slots.slots[0]).toEqual(
      // Saturday 09:00 in Tokyo: Monday noon UTC is after Monday's hours.
      new Date("2026-06-20T00:00:00Z"),
    );
  });
});
