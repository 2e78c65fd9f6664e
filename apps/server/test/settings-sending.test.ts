import { createDispatcher, createSmtpProvider } from "@rally/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  createTestClock,
  startTestServer,
  type TestServer,
} from "../src/testing.ts";
import { POSTAL_ADDRESS, seedCohort } from "./support/email-fixtures.ts";
import { startSmtpSink, type SmtpSink } from "./support/smtp-sink.ts";

// A Monday, 07:00 in Chicago: before the sending window opens at 09:00.
const clock = createTestClock(new Date("2026-06-15T12:00:00Z"));
let server: TestServer;
let sink: SmtpSink;

beforeAll(async () => {
  server = await startTestServer({ clock });
  sink = await startSmtpSink();
  await server.client.settings.update.mutate({
    name: "Main St Auto",
    timeZone: "America/Chicago",
    senderName: "Main St Auto",
    senderEmail: "service@mainst.test",
    postalAddress: POSTAL_ADDRESS,
    sendWindow: { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" },
  });
});

afterAll(async () => {
  await server?.close();
  await sink?.close();
});

describe("settings and the email dispatcher", () => {
  it("sends held campaign mail as soon as an admin opens the window wider", async () => {
    const provider = createSmtpProvider({ host: "127.0.0.1", port: sink.port });
    const dispatcher = createDispatcher(server.services, { provider });
    const { rule } = await seedCohort(server.db, {
      customers: 1,
      now: clock.now(),
      key: "window",
    });
    await server.client.campaign.send.mutate({
      ruleId: rule.id,
      idempotencyKey: "settings-window",
    });
    const held = await dispatcher.runOnce();
    // Asleep until 09:00 by the test clock, which never gets there alone.
    await dispatcher.start();

    await server.client.settings.update.mutate({
      sendWindow: { days: [1, 2, 3, 4, 5], start: "06:00", end: "18:00" },
    });
    await sink.waitFor(1);
    await dispatcher.stop();
    await provider.close();

    expect(held.claimed).toBe(0);
    expect(sink.count()).toBe(1);
  });
});
