import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { errorOf, startTestServer, type TestServer } from "../src/testing.ts";
import {
  MARKETING_HTML,
  POSTAL_ADDRESS,
  seedCohort,
  seedShop,
} from "./support/email-fixtures.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await seedShop(server.db);
});

afterAll(async () => {
  await server?.close();
});

const valid = {
  name: "Oil reminder",
  subject: "{{ customer.firstName }}, your {{ vehicle.make }} is due",
  html: MARKETING_HTML,
};

describe("template.create and template.update", () => {
  it("saves a valid marketing template and reads it back", async () => {
    const created = await server.client.template.create.mutate(valid);
    const fetched = await server.client.template.get.query({ id: created.id });
    const list = await server.client.template.list.query({ limit: 10 });

    expect(fetched.kind).toBe("MARKETING");
    expect(list.map((t) => t.id)).toContain(created.id);
  });

  it("reports a syntax error with its line and column", async () => {
    const error = await errorOf(
      server.client.template.create.mutate({
        ...valid,
        html: `${MARKETING_HTML}\n<p>{% if customer.firstName %}oops</p>`,
      }),
    );

    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.data?.fieldErrors[0]?.path).toBe("html");
    expect(error.message).toMatch(/^html: line 7, column 4: tag \{% if/);
  });

  it("reports an unknown variable with its line and column", async () => {
    const error = await errorOf(
      server.client.template.create.mutate({
        ...valid,
        subject: "Hello {{ customer.nickname }}",
      }),
    );

    expect(error.message).toBe(
      "subject: line 1, column 10: undefined variable: customer.nickname",
    );
  });

  it("refuses a marketing template without the unsubscribe link or the postal address", async () => {
    const noLink = await errorOf(
      server.client.template.create.mutate({
        ...valid,
        html: "<p>{{ shop.postalAddress }}</p>",
      }),
    );
    const noAddress = await errorOf(
      server.client.template.create.mutate({
        ...valid,
        html: '<a href="{{ unsubscribeLink }}">Unsubscribe</a>',
      }),
    );
    const transactional = await server.client.template.create.mutate({
      ...valid,
      kind: "TRANSACTIONAL",
      html: "<p>Your car is ready.</p>",
    });

    expect(noLink.message).toContain("unsubscribe link");
    expect(noAddress.message).toContain("postal address");
    expect(transactional.id).toBeGreaterThan(0);
  });

  it("validates an update against the template as it would be saved", async () => {
    const created = await server.client.template.create.mutate(valid);

    const error = await errorOf(
      server.client.template.update.mutate({
        id: created.id,
        html: "<p>{{ nope }}</p>",
      }),
    );
    const renamed = await server.client.template.update.mutate({
      id: created.id,
      name: "Renamed",
    });

    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(renamed.name).toBe("Renamed");
  });
});

describe("template.preview", () => {
  it("escapes values in HTML and derives the text body from it", async () => {
    const preview = await server.client.template.preview.query({
      draft: {
        ...valid,
        kind: "TRANSACTIONAL",
        html: '<p>Hi {{ "<b>Ana</b>" }} &amp; co</p><p><a href="{{ bookingLink }}">Book</a></p>',
      },
    });

    expect(preview.html).toContain("&lt;b&gt;Ana&lt;/b&gt;");
    expect(preview.text).toBe(
      "Hi <b>Ana</b> & co\nBook (http://rally.test/book/sample)",
    );
  });

  it("renders for a chosen customer with their name and vehicles", async () => {
    const customer = await server.client.customer.create.mutate({
      firstName: "Noor",
      lastName: "Chosen",
      email: "noor@example.com",
    });
    const vehicle = await server.client.vehicle.create.mutate({
      customerId: customer.id,
      make: "Mazda",
      model: "3",
      year: 2020,
    });
    const serviceType = await server.client.serviceType.create.mutate({
      key: "chosen",
      name: "Oil change",
      defaultCadenceMonths: 6,
    });
    await server.client.serviceRecord.create.mutate({
      vehicleId: vehicle.id,
      serviceTypeId: serviceType.id,
      performedAt: new Date("2026-01-10T12:00:00Z"),
    });

    const preview = await server.client.template.preview.query({
      draft: {
        ...valid,
        kind: "TRANSACTIONAL",
        html: "<p>{{ vehicle.make }} last seen {{ lastServiceDate }}</p>",
      },
      customerId: customer.id,
    });
    const missing = await errorOf(
      server.client.template.preview.query({
        draft: valid,
        customerId: 999_999,
      }),
    );
    const both = await errorOf(
      server.client.template.preview.query({
        draft: valid,
        customerId: customer.id,
        recipientId: 1,
      }),
    );

    expect(preview.subject).toBe("Noor, your Mazda is due");
    expect(preview.html).toBe("<p>Mazda last seen 2026-01-10</p>");
    expect(missing.data?.fieldErrors[0]?.path).toBe("customerId");
    expect(both.data?.code).toBe("BAD_REQUEST");
  });

  it("renders for a real recipient exactly as the customer will get it", async () => {
    const { rule, template } = await seedCohort(server.db, {
      customers: 1,
      extraVehicles: 1,
      now: server.clock.now(),
      key: "preview",
    });
    const sent = await server.client.campaign.send.mutate({
      ruleId: rule.id,
      idempotencyKey: "preview-campaign",
    });
    const recipient = await server.db.prisma.campaignRecipient.findFirstOrThrow(
      { where: { campaignId: sent.campaign.id }, select: { id: true } },
    );

    const preview = await server.client.template.preview.query({
      templateId: template.id,
      recipientId: recipient.id,
    });

    expect(preview.subject).toBe("Cust0, your Toyota is due");
    expect(preview.html).toContain("<li>Honda Corolla</li>");
    expect(preview.html).toContain(POSTAL_ADDRESS);
    expect(preview.text).toContain(
      "Unsubscribe (http://rally.test/unsubscribe/",
    );
  });
});
