import { bookingLinkFor, replyAddressFor } from "@rally/api";
import { DateTime } from "luxon";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { screenshot, seriousViolations } from "./support/browser.ts";
import {
  startConsoleServer,
  type ConsoleServer,
} from "./support/console-server.ts";
import {
  checkPage,
  isSamePage,
  markPage,
  signedInBrowser,
  type SignedInBrowser,
} from "./support/console-session.ts";
import { receiveEmail } from "./support/inbound.ts";

let server: ConsoleServer;
let browser: SignedInBrowser;

beforeAll(async () => {
  server = await startConsoleServer({ sendsEmail: true });
  browser = await signedInBrowser(server);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a console page and waits until its live events flow. */
async function openLive(path: string) {
  const page = await browser.open(path);
  await page.getByRole("status").getByText("Live").waitFor();
  await markPage(page);

  return page;
}

async function anOwner(first: string, last: string, car: [string, string]) {
  const customer = await server.client.customer.create.mutate({
    firstName: first,
    lastName: last,
    email: `${first}.${last}@example.com`.toLowerCase(),
  });
  const vehicle = await server.client.vehicle.create.mutate({
    customerId: customer.id,
    make: car[0],
    model: car[1],
    year: 2019,
  });

  return { customer, vehicle, email: customer.email ?? "" };
}

/** A datetime-local value some days ahead, on the shop's (UTC) clock. */
function daysAhead(days: number, hour: number, minute = 0) {
  return DateTime.utc()
    .plus({ days })
    .set({ hour, minute })
    .toFormat("yyyy-MM-dd'T'HH:mm");
}

/**
 * Staff answer from the thread; the answer shows at once, then goes out
 * through the dispatcher until the provider reports it delivered.
 */
async function replyAndSeeDelivered(thread: Locator, to: string, text: string) {
  await thread.getByRole("textbox", { name: "Reply" }).fill(text);
  await thread.getByRole("button", { name: "Send reply" }).click();
  const sent = thread.getByRole("article", {
    name: new RegExp(`^To ${to}`),
  });
  await sent.getByText(text).waitFor();
  await sent.locator('[data-status="DELIVERED"]').waitFor();
}

/** The customer's side: opens the emailed link and takes the first slot. */
async function bookThroughLink(vehicleId: number) {
  const link = bookingLinkFor(server.services, { vehicleId });
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/book/${link.split("/book/")[1]}`);
  await page.getByRole("button").first().click();
  await page.getByRole("heading", { name: "You're booked" }).waitFor();
  await page.close();
}

/** Staff's side: the form refuses a blank booking, then takes a free slot. */
async function bookThroughForm(page: Page, search: string, vehicle: string) {
  await page.getByRole("button", { name: "New appointment" }).click();
  const form = page.getByRole("dialog", { name: "New appointment" });
  await form.getByRole("button", { name: "Book appointment" }).click();
  await form.getByText("Required").first().waitFor();
  await form.getByLabel("Find customer").fill(search);
  await form.getByLabel("Vehicle").selectOption({ label: vehicle });
  await form.getByLabel("Service").selectOption({ label: "Oil change" });
  await form.getByLabel("Free slot").selectOption({ index: 1 });
  expect(await form.getByLabel("When").inputValue()).toMatch(
    /^\d{4}-\d{2}-\d{2}T\d{2}:00$/,
  );
  await screenshot(page, "bookings-new");
  expect(await seriousViolations(page)).toEqual([]);
  await form.getByRole("button", { name: "Book appointment" }).click();
}

/** Completing asks for the service by its field, then closes the visit. */
async function completeVisit(page: Page, row: Locator) {
  await row.getByRole("button", { name: "Complete" }).click();
  const dialog = page.getByRole("dialog", { name: /^Complete visit/ });
  const service = dialog.getByLabel("Service performed");
  await dialog.getByRole("button", { name: "Complete visit" }).click();
  await dialog.getByText(/say which service was performed/).waitFor();
  expect(await service.getAttribute("aria-invalid")).toBe("true");
  await service.selectOption({ label: "Oil change" });
  await dialog.getByRole("button", { name: "Complete visit" }).click();
}

describe("conversations", () => {
  it("shows replies from the inbound webhook in the inbox and the open thread, and sends staff's answer", async () => {
    const ana = await anOwner("Ana", "Inbox", ["Toyota", "Corolla"]);
    const first = await receiveEmail(server, {
      from: `Ana Inbox <${ana.email}>`,
      to: "service@rally.invalid",
      subject: "Brakes squeal",
      text: "Can you look at my brakes?",
    });
    const page = await openLive("/conversations");
    const inbox = page.getByRole("navigation", { name: "Inbox" });
    const sections = page.getByRole("navigation", { name: "Sections" });
    await inbox
      .getByRole("link", { name: /^Ana Inbox\s*1 unread\s*Brakes squeal/ })
      .waitFor();
    await sections
      .getByRole("link", { name: "Conversations 1 unread" })
      .waitFor();
    await checkPage(page, "conversations");

    await receiveEmail(server, {
      from: "stranger@example.org",
      to: "service@rally.invalid",
      subject: "Bikes",
      text: "Do you fix bikes?",
    });
    await inbox
      .getByRole("link", { name: /^stranger@example.org\s*1 unread\s*Bikes/ })
      .waitFor();
    await sections
      .getByRole("link", { name: "Conversations 2 unread" })
      .waitFor();

    await inbox.getByRole("link", { name: /^Ana Inbox/ }).click();
    const thread = page.getByRole("region", { name: "Conversation" });
    await thread.getByText("Can you look at my brakes?").waitFor();
    await inbox
      .getByRole("link", { name: /^Ana Inbox\s*Brakes squeal/ })
      .waitFor();
    await sections
      .getByRole("link", { name: "Conversations 1 unread" })
      .waitFor();

    await receiveEmail(server, {
      from: `Ana Inbox <${ana.email}>`,
      to: replyAddressFor(server.services, first.threadId, "rally.invalid"),
      subject: "Re: Brakes squeal",
      text: "Could you book me in next Tuesday at 10am?",
    });
    await thread
      .getByText("Could you book me in next Tuesday at 10am?")
      .waitFor();
    await thread.getByText(/^Wants to book, proposing/).waitFor();
    await expect
      .poll(async () => {
        const { unreadCount } = await server.client.conversation.thread.query({
          threadId: first.threadId,
        });

        return unreadCount;
      })
      .toBe(0);
    await inbox
      .getByText(/^Could you book me in next Tuesday at 10am\?/)
      .waitFor();

    await replyAndSeeDelivered(thread, ana.email, "Tuesday at 10 works.");
    await inbox
      .getByText("You: Tuesday at 10 works.", { exact: false })
      .waitFor();
    expect(await isSamePage(page)).toBe(true);
    await checkPage(page, "conversation-thread");
    await page.close();
  });
});

describe("bookings", () => {
  it("shows a booking made on the public booking page live, and staff book, reschedule, complete, cancel and mark no-shows", async () => {
    await server.client.serviceType.create.mutate({
      key: "oil-change",
      name: "Oil change",
      defaultCadenceMonths: 6,
    });
    const bea = await anOwner("Bea", "Booker", ["Honda", "Civic"]);
    await anOwner("Carl", "Walkin", ["Ford", "Focus"]);
    const page = await openLive("/bookings");
    await page.getByText("No upcoming appointments.").waitFor();

    await bookThroughLink(bea.vehicle.id);
    const beaRow = page.getByRole("row", { name: /Bea Booker/ });
    await beaRow.getByText("Booking link").waitFor();
    await checkPage(page, "bookings");

    await bookThroughForm(page, "Walkin", "Walkin, Carl — 2019 Ford Focus");
    const carlRow = page.getByRole("row", { name: /Carl Walkin/ });
    await carlRow.getByText("Oil change").waitFor();

    await beaRow.getByRole("button", { name: "Reschedule" }).click();
    const move = page.getByRole("dialog", { name: /^Reschedule/ });
    await move.getByLabel("New time").fill(daysAhead(20, 11, 30));
    await move.getByRole("button", { name: "Move appointment" }).click();
    await beaRow.getByRole("cell", { name: "11:30 AM" }).waitFor();

    await completeVisit(page, beaRow);
    await expect.poll(() => beaRow.count()).toBe(0);

    await carlRow.getByRole("button", { name: "Cancel" }).click();
    await page
      .getByRole("dialog", { name: /^Cancel appointment/ })
      .getByRole("button", { name: "Cancel appointment" })
      .click();
    await expect.poll(() => carlRow.count()).toBe(0);

    await server.client.appointment.create.mutate({
      vehicleId: bea.vehicle.id,
      scheduledFor: DateTime.utc().plus({ days: 2 }).toJSDate(),
    });
    await beaRow.getByRole("button", { name: "No-show" }).click();
    await expect.poll(() => beaRow.count()).toBe(0);
    expect(await isSamePage(page)).toBe(true);
    await page.close();
  });
});
