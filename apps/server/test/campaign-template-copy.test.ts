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
import {
  MARKETING_HTML,
  seedCohort,
  seedShop,
} from "./support/email-fixtures.ts";
import { startSmtpSink, type SmtpSink } from "./support/smtp-sink.ts";

let server: TestServer;
let sink: SmtpSink;
let dispatcher: Dispatcher;
let provider: ReturnType<typeof createSmtpProvider>;
const clock = createTestClock(new Date("2026-06-15T15:00:00Z"));

beforeAll(async () => {
  server = await startTestServer({ clock });
  sink = await startSmtpSink();
  await seedShop(server.db);
  provider = createSmtpProvider({ host: "127.0.0.1", port: sink.port });
  dispatcher = createDispatcher(server.services, {
    provider,
    ratePerSecond: 1_000,
  });
});

afterAll(async () => {
  await provider?.close();
  await server?.close();
  await sink?.close();
});

async function drain() {
  while ((await dispatcher.runOnce()).claimed > 0) {
    // Each call claims, sends and records one batch.
  }
}

function receivedBy(address: string) {
  return sink.received.find((m) => m.to[0] === address)?.raw ?? "";
}

describe("campaign.send keeps the template it was sent with", () => {
  it("renders queued emails from the template as it was at send, not as edited since", async () => {
    const { rule, template } = await seedCohort(server.db, {
      customers: 2,
      now: clock.now(),
      key: "copy",
    });
    await server.client.campaign.send.mutate({
      ruleId: rule.id,
      idempotencyKey: "copy-before-edit",
    });

    const edited = await server.client.template.update.mutate({
      id: template.id,
      subject: "Edited: {{ customer.firstName }}, book today",
      html: MARKETING_HTML.replace("Book now", "Edited link text"),
    });
    await drain();
    const queuedBeforeEdit = receivedBy("c0.copy@example.com");

    expect(edited.subject).toMatch(/^Edited/);
    expect(queuedBeforeEdit).toMatch(/Subject: Cust0, your Toyota is due/);
    expect(queuedBeforeEdit).toContain("Book now");
    expect(queuedBeforeEdit).not.toContain("Edited");
  });
});
