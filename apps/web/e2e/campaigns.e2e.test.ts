import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { screenshot } from "./support/browser.ts";
import {
  startConsoleServer,
  type ConsoleServer,
} from "./support/console-server.ts";
import {
  checkPage,
  isSamePage,
  markPage,
  openPage,
  signedInBrowser,
} from "./support/console-session.ts";

const day = 86_400_000;
let server: ConsoleServer;
let browser: Awaited<ReturnType<typeof signedInBrowser>>;
let campaignId: number;

const templateHtml = `<p>Hi {{ customer.firstName }}, your {{ vehicle.make }} is due.</p>
<p><a href="{{ bookingLink }}">Book a visit</a></p>
<p>{{ shop.postalAddress }} · <a href="{{ unsubscribeLink }}">Unsubscribe</a></p>`;

/** A rule with its own template, and `owners` customers due under it. */
async function dueRule(key: string, name: string, owners: number[]) {
  const { client } = server;
  const serviceType = await client.serviceType.create.mutate({
    key,
    name,
    defaultCadenceMonths: 6,
  });
  const template = await client.template.create.mutate({
    name: `${name} reminder`,
    subject: "{{ customer.firstName }}, your {{ vehicle.make }} is due",
    html: templateHtml,
  });
  const rule = await client.rule.create.mutate({
    name: `${name} due`,
    serviceTypeId: serviceType.id,
    cadenceMonths: 6,
    templateId: template.id,
  });
  const servicedAt = new Date(
    server.services.clock.now().getTime() - 240 * day,
  );
  for (const [index, vehicles] of owners.entries()) {
    const customer = await client.customer.create.mutate({
      firstName: `Owner${index}`,
      lastName: key,
      email: `owner${index}.${key}@example.com`,
    });
    for (let v = 0; v < vehicles; v += 1) {
      const vehicle = await client.vehicle.create.mutate({
        customerId: customer.id,
        make: v === 0 ? "Toyota" : "Honda",
        model: "Corolla",
        year: 2018,
      });
      await client.serviceRecord.create.mutate({
        vehicleId: vehicle.id,
        serviceTypeId: serviceType.id,
        performedAt: servicedAt,
      });
    }
  }

  return { rule, serviceType };
}

/**
 * An oil-change rule with three customers due, the first with two
 * vehicles; and a rule without a template, which cannot send.
 */
async function seedCohort() {
  const { serviceType } = await dueRule("oil", "Oil", [2, 1, 1]);
  await server.client.rule.create.mutate({
    name: "Oil due, no template",
    serviceTypeId: serviceType.id,
    cadenceMonths: 6,
  });
}

beforeAll(async () => {
  server = await startConsoleServer({ sendsEmail: true });
  [browser] = await Promise.all([signedInBrowser(server), seedCohort()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("campaigns in the console", () => {
  it("sends a campaign once and shows its emails delivered without reloading", async () => {
    const page = await openPage(browser, server, "/campaigns");
    await page.getByText("No campaigns yet.").waitFor();
    await checkPage(page, "campaigns-empty");
    await page.getByRole("button", { name: "Send campaign" }).click();
    const dialog = page.getByRole("dialog", { name: "Send campaign" });
    const rule = dialog.getByLabel(/^Rule/);
    await dialog.getByRole("button", { name: "Send campaign" }).click();
    await expect.poll(() => rule.getAttribute("aria-invalid")).toBe("true");

    await rule.selectOption({ label: "Oil due, no template" });
    await dialog.getByText("3 customers (4 of 4 due vehicles)").waitFor();
    await dialog.getByRole("button", { name: "Send to 3 customers" }).click();
    await dialog.getByText(/has no template; choose one/).waitFor();
    expect(
      await dialog.getByLabel(/^Template/).getAttribute("aria-invalid"),
    ).toBe("true");
    await screenshot(page, "send-campaign-refused");

    await rule.selectOption({ label: "Oil due" });
    await markPage(page);
    await dialog
      .getByRole("button", { name: "Send to 3 customers" })
      .dblclick();

    await page.getByRole("heading", { name: /^Oil due #\d+$/ }).waitFor();
    const emails = page.getByRole("table", { name: "Campaign emails" });
    await emails.locator("tbody tr").nth(2).waitFor();
    await expect
      .poll(() => emails.getByText("Delivered").count(), { timeout: 30_000 })
      .toBe(3);
    await page.getByText("Delivered 3").waitFor();
    // The owner of two due vehicles gets one email about both.
    await emails.getByText("2018 Toyota Corolla and 1 more").waitFor();
    await page.getByText(/4 vehicles, one email per customer/).waitFor();
    expect(await isSamePage(page)).toBe(true);
    const campaigns = await server.client.campaign.list.query({});
    expect(campaigns).toHaveLength(1);
    campaignId = campaigns[0]!.id;
    await checkPage(page, "campaign");

    await page.getByRole("link", { name: "All campaigns" }).click();
    await page
      .getByRole("table", { name: "Campaigns" })
      .getByText("Delivered 3")
      .waitFor();
    await checkPage(page, "campaigns");
    await page.close();
  });

  it("counts a booking made from a campaign email in the funnel without reloading", async () => {
    const email = await server.services.db.prisma.email.findFirstOrThrow({
      where: { campaignId, status: "DELIVERED" },
      select: { html: true },
    });
    const token = /\/book\/([^"'<\s]+)/.exec(email.html ?? "")?.[1];
    expect(token).toBeDefined();
    const page = await openPage(browser, server, `/campaigns/${campaignId}`);
    const booked = page
      .getByRole("list", { name: "Campaign funnel" })
      .locator("[data-step=booked]");
    await booked.getByText("0", { exact: true }).waitFor();
    await page.getByRole("status").getByText("Live").waitFor();
    await markPage(page);

    const booking = await browser.context.newPage();
    await booking.goto(`${server.url}/book/${token}`);
    await booking.locator("form button[type=submit]").first().click();
    await booking.getByText("You're booked").waitFor();
    await screenshot(booking, "booked-from-email");
    await booking.close();

    await booked.getByText("1", { exact: true }).waitFor();
    expect(await isSamePage(page)).toBe(true);
    await page.close();
  });

  it("shows the dashboard with its chart and keeps its numbers live", async () => {
    const page = await openPage(browser, server, "/");
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
    const chart = page.getByRole("figure", {
      name: "Emails sent, delivered and booked per day",
    });
    await chart.locator(".recharts-bar-rectangle path").first().waitFor();
    const due = page.getByRole("table", { name: "Due vehicles per rule" });
    await due.getByRole("cell", { name: "Oil due", exact: true }).waitFor();
    const glance = page.getByRole("list", { name: "At a glance" });
    const bookedThisWeek = glance
      .getByRole("listitem")
      .filter({ hasText: "Booked this week" });
    await bookedThisWeek.getByText("1", { exact: true }).waitFor();
    await checkPage(page, "dashboard");
    await markPage(page);

    const [vehicle] = await server.services.db.prisma.vehicle.findMany({
      where: { make: "Honda", customer: { lastName: "oil" } },
      select: { id: true },
    });
    await server.client.appointment.create.mutate({
      vehicleId: vehicle!.id,
      scheduledFor: new Date(server.services.clock.now().getTime() + 2 * day),
    });

    await bookedThisWeek.getByText("2", { exact: true }).waitFor();
    expect(await isSamePage(page)).toBe(true);
    await page.close();
  });

  it("pauses, resumes and cancels a campaign, its emails changing in place", async () => {
    // A sending window that never opens keeps the emails queued.
    await server.services.db.prisma.shopSettings.create({
      data: {
        name: "Main Street Auto",
        timeZone: "UTC",
        senderName: "Main Street Auto",
        senderEmail: "service@mainstreet.test",
        postalAddress: "1 Main Street",
        openingHours: [],
        sendWindow: { days: [], start: "08:00", end: "18:00" },
      },
    });
    const { rule } = await dueRule("brakes", "Brakes", [1, 1]);
    const sent = await server.client.campaign.send.mutate({
      ruleId: rule.id,
      idempotencyKey: "e2e-brakes-campaign",
    });
    const page = await openPage(
      browser,
      server,
      `/campaigns/${sent.campaign.id}`,
    );
    const status = page.getByRole("heading", { level: 1 }).locator("..");
    const emails = page.getByRole("table", { name: "Campaign emails" });
    await emails.getByText("Queued").nth(1).waitFor();

    await page.getByRole("button", { name: "Pause" }).click();
    await status.getByText("paused").waitFor();
    await page.getByRole("button", { name: "Resume" }).click();
    await page.getByRole("button", { name: "Pause" }).waitFor();
    await page.getByRole("button", { name: "Cancel campaign" }).click();
    const confirm = page.getByRole("dialog", { name: "Cancel this campaign?" });
    await confirm.getByText("2 queued emails will not be sent.").waitFor();
    await screenshot(page, "cancel-campaign");
    await confirm.getByRole("button", { name: "Cancel campaign" }).click();

    await status.getByText("cancelled").waitFor();
    await expect.poll(() => emails.getByText("Cancelled").count()).toBe(2);
    await page.getByText("Cancelled 2").waitFor();
    await checkPage(page, "campaign-cancelled");
    await page.close();
  });
});
