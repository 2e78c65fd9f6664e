import { createSmtpProvider } from "@rally/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { errorOf, startTestServer, type TestServer } from "../src/testing.ts";
import {
  MARKETING_HTML,
  POSTAL_ADDRESS,
  seedCohort,
  seedShop,
} from "./support/email-fixtures.ts";
import { startSmtpSink, type SmtpSink } from "./support/smtp-sink.ts";

let server: TestServer;
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
  server = await startTestServer({
    emailProvider: createSmtpProvider({ host: "127.0.0.1", port: sink.port }),
  });
  await seedShop(server.db);
});

afterAll(async () => {
  await server?.close();
  await sink?.close();
});

const draft = {
  name: "Oil reminder",
  subject: "{{ customer.firstName }}, your {{ vehicle.make }} is due",
  html: MARKETING_HTML,
};

describe("template.variables", () => {
  it("lists every variable the sample recipient can fill", async () => {
    const variables = await server.client.template.variables.query();
    const names = variables.map((variable) => variable.name);
    const preview = await server.client.template.preview.query({
      draft: {
        ...draft,
        kind: "TRANSACTIONAL",
        html: names
          .filter((name) => name !== "vehicles")
          .map((name) => `{{ ${name} }}`)
          .join("|"),
      },
    });

    expect(names).toContain("unsubscribeLink");
    expect(preview.html).toContain("Main St Auto");
  });
});

describe("template.testSend", () => {
  it("sends one rendered email marked as a test to the given address", async () => {
    const before = sink.count();

    const sent = await server.client.template.testSend.mutate({
      draft,
      to: "Staff@Example.com",
    });

    await sink.waitFor(before + 1);
    const mail = sink.received.at(-1)!;
    expect(sent.subject).toBe("[Test] Ana, your Toyota is due");
    expect(mail.to).toEqual(["staff@example.com"]);
    expect(mail.raw).toMatch(/^Subject: \[Test\] Ana, your Toyota is due/m);
    expect(mail.raw).toMatch(/^X-Rally-Test: true/m);
    expect(mail.raw).toContain(POSTAL_ADDRESS);
  });

  it("refuses a template with a syntax error at its line, sending nothing", async () => {
    const before = sink.count();

    const error = await errorOf(
      server.client.template.testSend.mutate({
        draft: { ...draft, html: `${MARKETING_HTML}\n{% if %}` },
        to: "staff@example.com",
      }),
    );

    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/^html: line 7, column/);
    expect(sink.count()).toBe(before);
  });

  it("refuses viewers and addresses that are not addresses", async () => {
    const viewer = await server.clientFor("VIEWER");

    const forbidden = await errorOf(
      viewer.template.testSend.mutate({ draft, to: "staff@example.com" }),
    );
    const badAddress = await errorOf(
      server.client.template.testSend.mutate({ draft, to: "not-an-address" }),
    );

    expect(forbidden.data?.code).toBe("FORBIDDEN");
    expect(badAddress.data?.code).toBe("BAD_REQUEST");
    expect(badAddress.data?.fieldErrors[0]?.path).toBe("to");
  });

  it("refuses a suppressed address", async () => {
    await server.db.prisma.suppression.create({
      data: { email: "gone@example.com", reason: "UNSUBSCRIBED" },
    });
    const before = sink.count();

    const error = await errorOf(
      server.client.template.testSend.mutate({
        draft,
        to: "Gone@example.com",
      }),
    );

    expect(error.data?.fieldErrors[0]?.path).toBe("to");
    expect(error.message).toContain("suppressed");
    expect(sink.count()).toBe(before);
  });

  it("stops at the hourly limit of test sends", async () => {
    const sent = await server.db.prisma.auditEntry.count({
      where: { action: "template.testSend" },
    });
    await server.db.prisma.auditEntry.createMany({
      data: Array.from({ length: 20 - sent }, () => ({
        actorKind: "user",
        action: "template.testSend",
        data: {},
      })),
    });
    const before = sink.count();

    const error = await errorOf(
      server.client.template.testSend.mutate({
        draft,
        to: "staff@example.com",
      }),
    );

    expect(error.data?.code).toBe("TOO_MANY_REQUESTS");
    expect(sink.count()).toBe(before);
  });

  it("tells staff when the server has no email provider", async () => {
    const bare = await startTestServer();
    try {
      const error = await errorOf(
        bare.client.template.testSend.mutate({ draft, to: "a@example.com" }),
      );

      expect(error.data?.code).toBe("CONFLICT");
      expect(error.message).toContain("no email provider");
    } finally {
      await bare.close();
    }
  });
});

describe("settings.get", () => {
  it("names the provider this server sends through, for staff to see", async () => {
    const viewer = await server.clientFor("VIEWER");

    expect((await viewer.settings.get.query()).emailProvider).toBe("smtp");
  });
});

describe("template.archive", () => {
  it("hides the template from new campaigns and rules but keeps it on earlier campaigns", async () => {
    const { rule, template } = await seedCohort(server.db, {
      customers: 1,
      now: server.clock.now(),
      key: "archive",
    });
    const earlier = await server.client.campaign.send.mutate({
      ruleId: rule.id,
      idempotencyKey: "before-archive",
    });

    const archived = await server.client.template.archive.mutate({
      id: template.id,
    });

    const current = await server.client.template.list.query({ limit: 500 });
    const archivedList = await server.client.template.list.query({
      limit: 500,
      isArchived: true,
    });
    const campaign = await errorOf(
      server.client.campaign.send.mutate({
        ruleId: rule.id,
        idempotencyKey: "after-archive",
      }),
    );
    const newRule = await errorOf(
      server.client.rule.create.mutate({
        name: "Uses archived",
        serviceTypeId: rule.serviceTypeId,
        cadenceMonths: 6,
        templateId: template.id,
      }),
    );
    const kept = await server.client.campaign.get.query({
      id: earlier.campaign.id,
    });
    expect(archived.archivedAt).toEqual(server.clock.now());
    expect(current.map((t) => t.id)).not.toContain(template.id);
    expect(archivedList.map((t) => t.id)).toContain(template.id);
    expect(campaign.data?.code).toBe("CONFLICT");
    expect(campaign.message).toContain(`template ${template.id} is archived`);
    expect(newRule.data?.fieldErrors[0]?.path).toBe("templateId");
    expect(kept.templateId).toBe(template.id);
  });

  it("refuses viewers and unknown templates", async () => {
    const viewer = await server.clientFor("VIEWER");

    const forbidden = await errorOf(viewer.template.archive.mutate({ id: 1 }));
    const missing = await errorOf(
      server.client.template.archive.mutate({ id: 999_999 }),
    );

    expect(forbidden.data?.code).toBe("FORBIDDEN");
    expect(missing.data?.code).toBe("NOT_FOUND");
  });
});
