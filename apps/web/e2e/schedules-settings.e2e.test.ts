import { DateTime } from "luxon";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { screenshot, seriousViolations } from "./support/browser.ts";
import {
  startConsoleServer,
  type ConsoleServer,
} from "./support/console-server.ts";
import {
  checkPage,
  markPage,
  openPage,
  signedInBrowser,
} from "./support/console-session.ts";

let server: ConsoleServer;
let browser: Awaited<ReturnType<typeof signedInBrowser>>;
let ruleName: string;

const shop = {
  name: "Prairie Auto",
  timeZone: "America/Chicago",
  postalAddress: "9 Elm St, Peoria, IL 61602",
};

beforeAll(async () => {
  server = await startConsoleServer({ withWorkers: true });
  browser = await signedInBrowser(server);
  await server.client.settings.update.mutate(shop);
  const serviceType = await server.client.serviceType.create.mutate({
    key: "oil-change",
    name: "Oil change",
    defaultCadenceMonths: 6,
  });
  const template = await server.client.template.create.mutate({
    name: "Oil reminder",
    subject: "Time for an oil change",
    html: "<p>{{ bookingLink }} {{ unsubscribeLink }} {{ shop.postalAddress }}</p>",
  });
  const rule = await server.client.rule.create.mutate({
    name: "Oil due",
    serviceTypeId: serviceType.id,
    cadenceMonths: 6,
    templateId: template.id,
  });
  ruleName = rule.name;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** How the console writes a moment on a zone's clock. */
function onClock(at: Date, zone: string) {
  const local = DateTime.fromJSDate(at).setZone(zone).setLocale("en-US");
  const date = local.toLocaleString(DateTime.DATETIME_MED_WITH_WEEKDAY);

  return `${date} ${local.offsetNameShort ?? zone}`;
}

async function onlySchedule() {
  const { items } = await server.client.recurring.list.query({});
  expect(items).toHaveLength(1);

  return items[0]!;
}

async function createDailySchedule(page: Page, name: string) {
  await page.getByRole("button", { name: "New recurring schedule" }).click();
  const form = page.getByRole("form", { name: "New recurring schedule" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel(/^Rule/).selectOption({ label: ruleName });
  await form.getByText("Daily", { exact: true }).click();
  await form.getByLabel(/^Time of day/).fill("09:00");
  await screenshot(page, "schedule-form");
  expect(await seriousViolations(page)).toEqual([]);
  await form.getByRole("button", { name: "Create schedule" }).click();
  await form.waitFor({ state: "detached" });
}

describe("schedules and settings in the console", () => {
  it("schedules a recurring run and sees it start and finish live", async () => {
    const page = await openPage(browser, server, "/schedules");
    await page.getByText("No recurring schedules yet.").waitFor();
    await page.getByRole("status").getByText("Live").waitFor();
    const isSamePage = await markPage(page);

    await createDailySchedule(page, "Morning oil");
    const table = page.getByRole("table", { name: "Recurring schedules" });
    await table.getByText("Daily at 09:00").waitFor();
    const schedule = await onlySchedule();
    const nextRunAt = schedule.nextRunAt!;
    expect(schedule.timeZone).toBe(shop.timeZone);
    await table
      .getByText(`Shop: ${onClock(nextRunAt, shop.timeZone)}`)
      .waitFor();
    await table.getByText(`You: ${onClock(nextRunAt, "UTC")}`).waitFor();
    await page.getByRole("button", { name: "History of Morning oil" }).click();
    await page.getByText("No runs yet.").waitFor();

    await server.advanceClockTo(new Date(nextRunAt.getTime() + 1_000));

    const runs = page.getByRole("table", { name: "Runs of Morning oil" });
    await runs.getByText("done").waitFor({ timeout: 30_000 });
    await runs
      .getByText(`Shop: ${onClock(nextRunAt, shop.timeZone)}`)
      .waitFor();
    expect(await isSamePage()).toBe(true);
    await checkPage(page, "schedules");
    await page.close();
  });

  it("refuses a one-off run in the past next to its day", async () => {
    const page = await openPage(browser, server, "/schedules");
    await page.getByRole("button", { name: "New one-off run" }).click();
    const form = page.getByRole("form", { name: "New one-off run" });
    await form.getByLabel(/^Rule/).selectOption({ label: ruleName });
    await form.getByLabel(/^Day/).fill("2020-01-06");
    await form.getByRole("button", { name: "Schedule run" }).click();

    const day = form.getByLabel(/^Day/);
    await expect.poll(() => day.getAttribute("aria-invalid")).toBe("true");
    await form.getByText(/is not in the future/).waitFor();
    await screenshot(page, "one-off-form-refused");
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("shows the next run in the shop's new time zone once Settings change it", async () => {
    const page = await openPage(browser, server, "/settings");
    const form = page.getByRole("form", { name: "Shop settings" });
    await form.getByLabel("Shop name").waitFor();
    await checkPage(page, "settings");
    expect(await form.getByLabel("Shop name").inputValue()).toBe(shop.name);
    // This test server runs no email provider, and the page says so.
    expect(await form.getByTestId("email-provider").textContent()).toBe(
      "Nothing: this server sends no mail",
    );

    await form.getByLabel(/^Time zone/).selectOption("Asia/Tokyo");
    await form.getByRole("button", { name: "Save settings" }).click();
    await form.getByRole("status").getByText("Saved").waitFor();
    await page.getByRole("link", { name: "Schedules" }).click();

    const { nextRunAt, timeZone } = await onlySchedule();
    const table = page.getByRole("table", { name: "Recurring schedules" });
    await table
      .getByText(`Shop: ${onClock(nextRunAt!, "Asia/Tokyo")}`)
      .waitFor();
    await table.getByText(`on ${timeZone} time`).waitFor();
    await page.getByText("on the shop's clock (Asia/Tokyo)").waitFor();
    await page.close();
  });

  it("pauses, resumes and moves a schedule onto the shop's clock", async () => {
    const page = await openPage(browser, server, "/schedules");
    const table = page.getByRole("table", { name: "Recurring schedules" });
    await page.getByRole("button", { name: "Pause Morning oil" }).click();
    await table.getByText("Paused").waitFor();
    await page.getByRole("button", { name: "Resume Morning oil" }).click();
    await page.getByRole("button", { name: "Pause Morning oil" }).waitFor();

    await page.getByRole("button", { name: "Edit Morning oil" }).click();
    const form = page.getByRole("form", { name: "Edit recurring schedule" });
    await form.getByLabel(/^Time of day/).fill("10:30");
    await form.getByRole("button", { name: "Save schedule" }).click();
    await table.getByText("Daily at 10:30").waitFor();

    const { nextRunAt, timeZone } = await onlySchedule();
    expect(timeZone).toBe("Asia/Tokyo");
    expect(onClock(nextRunAt!, timeZone)).toContain("10:30 AM");
    await table.getByText(`Shop: ${onClock(nextRunAt!, timeZone)}`).waitFor();
    await page.close();
  });

  it("shows a viewer the settings and schedules without ways to change them", async () => {
    const viewer = {
      email: "viewer@rally.test",
      password: "a long viewer password",
    };
    await server.caller.user.create({ ...viewer, name: "V", role: "VIEWER" });
    const viewerBrowser = await signedInBrowser(server, viewer);
    try {
      const page = await openPage(viewerBrowser, server, "/settings");
      await page
        .getByText("Only an admin can change these settings.")
        .waitFor();
      const form = page.getByRole("form", { name: "Shop settings" });
      expect(await form.getByLabel("Shop name").isDisabled()).toBe(true);
      expect(await form.getByRole("button").count()).toBe(0);
      await checkPage(page, "settings-read-only");

      await page.getByRole("link", { name: "Schedules" }).click();
      const table = page.getByRole("table", { name: "Recurring schedules" });
      await table.getByText("Daily at 10:30").waitFor();
      expect(await table.getByRole("button", { name: /^Pause/ }).count()).toBe(
        0,
      );
      expect(
        await page.getByRole("button", { name: "New one-off run" }).count(),
      ).toBe(0);
    } finally {
      await viewerBrowser.close();
    }
  });
});
