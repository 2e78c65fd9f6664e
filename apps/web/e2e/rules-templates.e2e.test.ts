import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  startConsoleServer,
  type ConsoleServer,
} from "./support/console-server.ts";
import {
  checkPage,
  signedInBrowser,
  type SignedInBrowser,
} from "./support/console-session.ts";

let server: ConsoleServer;
let browser: SignedInBrowser;

const DAY_MS = 86_400_000;

beforeAll(async () => {
  server = await startConsoleServer();
  browser = await signedInBrowser(server);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * An oil change every few months: two reachable owners serviced 8 months
 * ago, one without an email address, two serviced 4 months ago and one
 * serviced last week.
 */
async function seedGarage() {
  const oil = await server.client.serviceType.create.mutate({
    key: "oil",
    name: "Oil change",
    defaultCadenceMonths: 6,
  });
  const owners = [
    { lastName: "Eight", email: "a@example.com", make: "Toyota", days: 240 },
    { lastName: "Eightb", email: "b@example.com", make: "Honda", days: 245 },
    { lastName: "Silent", email: null, make: "Toyota", days: 250 },
    { lastName: "Four", email: "c@example.com", make: "Toyota", days: 120 },
    { lastName: "Fourb", email: "d@example.com", make: "Honda", days: 125 },
    { lastName: "Recent", email: "e@example.com", make: "Toyota", days: 7 },
  ];
  for (const owner of owners) {
    const customer = await server.client.customer.create.mutate({
      firstName: "Pat",
      lastName: owner.lastName,
      email: owner.email,
    });
    const vehicle = await server.client.vehicle.create.mutate({
      customerId: customer.id,
      make: owner.make,
      model: "Corolla",
      year: 2019,
    });
    await server.client.serviceRecord.create.mutate({
      vehicleId: vehicle.id,
      serviceTypeId: oil.id,
      performedAt: new Date(Date.now() - owner.days * DAY_MS),
    });
  }
}

describe("the rules pages", () => {
  it("previews the cohort as a rule is edited and explains a vehicle", async () => {
    await seedGarage();
    const page = await browser.open("/rules");
    await page.getByText("No rules yet.").waitFor();
    await checkPage(page, "rules");

    await page.getByRole("link", { name: "New rule" }).click();
    await page.getByRole("heading", { name: "New rule" }).waitFor();
    const form = page.getByRole("form", { name: "Rule" });
    await form.getByLabel("Name").fill("Oil due");
    await form.getByLabel(/^Service/).selectOption({ label: "Oil change" });

    const summary = page.getByRole("status").filter({ hasText: "eligible" });
    const leftOut = page.getByRole("table", { name: "Left out" });
    await summary.getByText("2 eligible of 3 due").waitFor();
    await leftOut
      .getByRole("row", { name: "No email address, or unsubscribed 1" })
      .waitFor();

    await form.getByLabel("Due every (months)").fill("3");
    await summary.getByText("4 eligible of 5 due").waitFor();
    await form.getByLabel("Make").fill("toyota");
    await summary.getByText("2 eligible of 5 due").waitFor();
    await leftOut
      .getByRole("row", { name: "Do not match the filters 2" })
      .waitFor();
    await checkPage(page, "rule-new");

    await form.getByRole("button", { name: "Create rule" }).click();
    await page.getByRole("heading", { name: "Oil due" }).waitFor();
    await page
      .getByRole("button", { name: "Why is 2019 Toyota Corolla due?" })
      .first()
      .click();
    const conditions = page.getByRole("list", { name: "Conditions" });
    await page.getByText("Eligible: this vehicle would get").waitFor();
    expect(await conditions.getByText("failed").count()).toBe(0);

    await page.getByLabel("Find a vehicle").fill("Recent");
    await page
      .getByRole("button", { name: /Explain 2019 Toyota Corolla \(Recent\)/ })
      .click();
    await page.getByText("Not due yet, so not in the cohort.").waitFor();
    const due = conditions.getByRole("listitem").filter({
      hasText: "Due for service",
    });
    await due.getByText("failed").waitFor();
    await checkPage(page, "rule-explain");
    await page.close();
  });

  it("archives a rule and lists it among the archived", async () => {
    const [type] = await server.client.serviceType.list.query();
    const rule = await server.client.rule.create.mutate({
      name: "Old declined work",
      kind: "DECLINED_WORK",
      serviceTypeId: type!.id,
      cadenceMonths: 6,
      declinedOffsetsDays: [30, 60],
    });
    const page = await browser.open(`/rules/${rule.id}`);
    await page.getByLabel("Remind after (days)").waitFor();
    expect(await page.getByLabel("Remind after (days)").inputValue()).toBe(
      "30, 60",
    );

    await page.getByRole("button", { name: "Archive rule" }).click();
    await page.getByRole("heading", { name: "Rules", level: 1 }).waitFor();
    await page.getByLabel("Show archived rules").check();
    await page.getByRole("link", { name: "Old declined work" }).waitFor();
    await page.close();
  });
});

describe("the templates pages", () => {
  it("shows a syntax error at its line, the preview once fixed, and refusals next to their fields", async () => {
    const page = await browser.open("/templates");
    await page.getByText("No templates yet.").waitFor();
    await checkPage(page, "templates");

    await page.getByRole("link", { name: "New template" }).click();
    const form = page.getByRole("form", { name: "Template" });
    await form.getByLabel("Name").fill("Oil reminder");
    const html = form.getByLabel("HTML body");
    const source = await html.inputValue();
    const lines = source.split("\n");
    lines.splice(2, 0, "{% if customer.firstName %}<p>Welcome back</p>");
    await html.fill(lines.join("\n"));

    await form.getByText(/^Line 3, column 1: tag \{% if/).waitFor();
    expect(await html.getAttribute("aria-invalid")).toBe("true");
    await form.getByLabel("Line 3").getByText("> 3 |").waitFor();
    await checkPage(page, "template-error");

    lines[2] = "{% if customer.firstName %}<p>Welcome back</p>{% endif %}";
    await html.fill(lines.join("\n"));
    const frame = page.frameLocator('iframe[title="HTML preview"]');
    await page.getByText("Subject: Ana, your Toyota is due").waitFor();
    await expect
      .poll(() => frame.locator("body").textContent())
      .toMatch(/Hi Ana,\s+Your 2018 Toyota[\s\S]*Welcome back/);
    expect(await html.getAttribute("aria-invalid")).not.toBe("true");
    const customer = await server.client.customer.create.mutate({
      firstName: "Noor",
      lastName: "Preview",
    });
    await server.client.vehicle.create.mutate({
      customerId: customer.id,
      make: "Mazda",
      model: "3",
      year: 2020,
    });
    await page.getByLabel("Preview for a customer").fill("Preview");
    await page
      .getByRole("button", { name: "Preview for Noor Preview" })
      .click();
    await page.getByText("Subject: Noor, your Mazda is due").waitFor();
    await expect
      .poll(() => frame.locator("body").textContent())
      .toMatch(/Hi Noor,\s+Your 2020 Mazda/);
    await page.getByRole("tab", { name: "Text" }).click();
    await page.getByLabel("Text preview").getByText("Book a visit").waitFor();
    await checkPage(page, "template-preview");

    const testSend = page.getByRole("form", { name: "Send a test" });
    const to = testSend.getByLabel("Send to");
    await to.fill("not an address");
    await testSend.getByRole("button", { name: "Send test" }).click();
    await expect.poll(() => to.getAttribute("aria-invalid")).toBe("true");
    await to.fill("me@example.com");
    await testSend.getByRole("button", { name: "Send test" }).click();
    await testSend.getByText(/no email provider configured/).waitFor();

    await form.getByRole("button", { name: "Create template" }).click();
    await page.getByRole("heading", { name: "Oil reminder" }).waitFor();
    await html.fill(source.replace(/·.*Unsubscribe<\/a>/, ""));
    await form.getByRole("button", { name: "Save template" }).click();
    await form.getByText(/must contain the unsubscribe link/).waitFor();
    expect(await html.getAttribute("aria-invalid")).toBe("true");
    await page.close();
  });
});
