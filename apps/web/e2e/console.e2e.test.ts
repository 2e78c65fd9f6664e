import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { screenshot, seriousViolations } from "./support/browser.ts";
import {
  consoleUser,
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

beforeAll(async () => {
  server = await startConsoleServer();
  browser = await signedInBrowser(server, consoleUser, {
    beforeSubmit: async (page) => {
      await screenshot(page, "sign-in");
      expect(await seriousViolations(page)).toEqual([]);
    },
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const open = (path: string) => browser.open(path);

async function aServiceType(key: string) {
  return server.client.serviceType.create.mutate({
    key,
    name: `Service ${key}`,
    defaultCadenceMonths: 6,
  });
}

describe("the console", () => {
  it("finds customers by search and loads more page by page", async () => {
    for (let index = 0; index < 27; index += 1) {
      await server.client.customer.create.mutate({
        firstName: `Pat${index}`,
        lastName: "Paging",
      });
    }
    await server.client.customer.create.mutate({
      firstName: "Quinn",
      lastName: "Searchable",
      email: "quinn@example.com",
    });
    const page = await open("/customers");
    const rows = page
      .getByRole("table", { name: "Customers" })
      .locator("tbody tr");

    await rows.nth(24).waitFor();
    expect(await rows.count()).toBe(25);
    await page.getByRole("button", { name: "Load more" }).click();
    await rows.nth(27).waitFor();
    expect(await rows.count()).toBe(28);
    await expect
      .poll(() => page.getByRole("button", { name: "Load more" }).count())
      .toBe(0);
    await checkPage(page, "customers");

    await page.getByLabel("Search").fill("quinn@example");
    await page.getByRole("link", { name: "Searchable, Quinn" }).waitFor();
    await expect.poll(() => rows.count()).toBe(1);
    await page.close();
  });

  it("creates a customer, checking fields with the server's schema", async () => {
    const page = await open("/customers");
    await page.getByRole("button", { name: "New customer" }).click();
    const dialog = page.getByRole("dialog", { name: "New customer" });
    await dialog.getByLabel("Email").fill("not an email");
    await dialog.getByRole("button", { name: "Create customer" }).click();

    await dialog.getByText("Required").first().waitFor();
    expect(
      await dialog.getByLabel("First name").getAttribute("aria-invalid"),
    ).toBe("true");
    expect(await dialog.getByLabel("Email").getAttribute("aria-invalid")).toBe(
      "true",
    );
    await screenshot(page, "customer-form-errors");
    expect(await seriousViolations(page)).toEqual([]);

    await dialog.getByLabel("First name").fill("Ada");
    await dialog.getByLabel("Last name").fill("Walk-In");
    await dialog.getByLabel("Email").fill("Ada@Example.com");
    await dialog.getByRole("button", { name: "Create customer" }).click();

    await page.getByRole("heading", { name: "Ada Walk-In" }).waitFor();
    await page.getByText("ada@example.com").waitFor();
    await page.close();
  });

  it("adds a vehicle and a service record with declined work", async () => {
    await aServiceType("oil-change");
    await aServiceType("brake-pads");
    const customer = await server.client.customer.create.mutate({
      firstName: "Grace",
      lastName: "Garage",
    });
    const page = await open(`/customers/${customer.id}`);
    await checkPage(page, "customer");

    const vehicleForm = page.getByRole("form", { name: "Add vehicle" });
    await vehicleForm.getByLabel("Make").fill("Toyota");
    await vehicleForm.getByLabel("Model").fill("Corolla");
    await vehicleForm.getByLabel("Year").fill("2019");
    await vehicleForm.getByRole("button", { name: "Add vehicle" }).click();
    await page.getByRole("link", { name: "2019 Toyota Corolla" }).click();

    await page.getByRole("heading", { name: "2019 Toyota Corolla" }).waitFor();
    const recordForm = page.getByRole("form", { name: "Add service record" });
    await recordForm.getByLabel(/^Service/).selectOption({
      label: "Service oil-change",
    });
    await recordForm.getByLabel("Odometer").fill("42000");
    await recordForm
      .getByRole("button", { name: "Add declined service" })
      .click();
    await recordForm
      .getByLabel("Declined service 1", { exact: true })
      .selectOption({ label: "Service brake-pads" });
    await recordForm.getByLabel("Quoted price 1").fill("189.50");
    await recordForm
      .getByRole("button", { name: "Add service record" })
      .click();

    const history = page.getByRole("table", { name: "Service history" });
    await history.getByText("Service brake-pads ($189.50)").waitFor();
    await history.getByText("42,000 mi").waitFor();
    await checkPage(page, "vehicle");
    await page.close();
  });

  it("shows a record created elsewhere on the vehicle page and in the feed without reloading", async () => {
    const type = await aServiceType("tire-rotation");
    const customer = await server.client.customer.create.mutate({
      firstName: "Linus",
      lastName: "Live",
    });
    const vehicle = await server.client.vehicle.create.mutate({
      customerId: customer.id,
      make: "Honda",
      model: "Civic",
      year: 2021,
    });
    const page = await open(`/vehicles/${vehicle.id}`);
    await page.getByText("No service recorded yet.").waitFor();
    await page.getByRole("status").getByText("Live").waitFor();
    await page.evaluate(() => {
      (window as unknown as { isSamePage: boolean }).isSamePage = true;
    });

    await server.client.serviceRecord.create.mutate({
      vehicleId: vehicle.id,
      serviceTypeId: type.id,
      performedAt: new Date("2026-06-01T12:00:00Z"),
      odometer: 31_337,
    });

    const history = page.getByRole("table", { name: "Service history" });
    await history.getByText("31,337 mi").waitFor();
    await page.getByRole("link", { name: "Live activity" }).click();
    await page
      .getByRole("link", { name: `Service recorded for vehicle ${vehicle.id}` })
      .waitFor();
    expect(
      await page.evaluate(
        () => (window as unknown as { isSamePage?: boolean }).isSamePage,
      ),
    ).toBe(true);
    await checkPage(page, "live-activity");
    await page.close();
  });

  it("shows the estimated mileage and how it was reached, following new readings live", async () => {
    const type = await aServiceType("odometer-check");
    const customer = await server.client.customer.create.mutate({
      firstName: "Mona",
      lastName: "Miles",
    });
    const vehicle = await server.client.vehicle.create.mutate({
      customerId: customer.id,
      make: "Subaru",
      model: "Outback",
      year: 2017,
    });
    const daysAgo = (days: number) => {
      const noon = new Date();
      noon.setUTCHours(12, 0, 0, 0);

      return new Date(noon.getTime() - days * 86_400_000);
    };
    const reading = (days: number, odometer: number) =>
      server.client.serviceRecord.create.mutate({
        vehicleId: vehicle.id,
        serviceTypeId: type.id,
        performedAt: daysAgo(days),
        odometer,
      });
    await reading(100, 30_000);
    const page = await open(`/vehicles/${vehicle.id}`);
    const estimate = page.getByRole("region", { name: "Estimated mileage" });
    await estimate
      .getByText("From 1 odometer reading and the default rate of 33 mi/day")
      .waitFor();
    await page.getByRole("status").getByText("Live").waitFor();

    await reading(50, 31_000);

    await estimate
      .getByText("From 2 odometer readings, at this vehicle's own 20 mi/day")
      .waitFor();
    await checkPage(page, "vehicle-mileage");
    await page.goto(`${server.url}/customers/${customer.id}`);
    await page
      .getByRole("table", { name: "Vehicles" })
      .getByText("From 2 odometer readings, at this vehicle's own 20 mi/day")
      .waitFor();
    await page.close();
  });

  it("shows reconnecting while the server is away and catches up when it is back", async () => {
    const type = await aServiceType("wiper-blades");
    const customer = await server.client.customer.create.mutate({
      firstName: "Rhea",
      lastName: "Reconnect",
    });
    const vehicle = await server.client.vehicle.create.mutate({
      customerId: customer.id,
      make: "Mazda",
      model: "3",
      year: 2020,
    });
    const record = (odometer: number) => ({
      vehicleId: vehicle.id,
      serviceTypeId: type.id,
      performedAt: new Date("2026-06-02T12:00:00Z"),
      odometer,
    });
    const page = await open(`/vehicles/${vehicle.id}`);
    const status = page.getByRole("status");
    await status.getByText("Live").waitFor();
    await server.client.serviceRecord.create.mutate(record(1_001));
    await page.getByText("1,001 mi").waitFor();

    await server.stop();
    await status.getByText("Reconnecting…").waitFor();
    await screenshot(page, "reconnecting");
    await server.caller.serviceRecord.create(record(2_002));
    await server.resume();

    await status.getByText("Live").waitFor({ timeout: 20_000 });
    await page.getByText("2,002 mi").waitFor();
    await page.close();
  });

  it("shows a duplicate service type key next to the key field", async () => {
    await aServiceType("inspection");
    const page = await open("/service-types");
    await page.getByRole("cell", { name: "Service inspection" }).waitFor();
    const form = page.getByRole("form", { name: "Add service type" });
    await form.getByLabel("Name").fill("State inspection");
    await form.getByLabel(/^Key/).fill("inspection");
    await form.getByRole("button", { name: "Add service type" }).click();

    const key = form.getByLabel(/^Key/);
    await expect.poll(() => key.getAttribute("aria-invalid")).toBe("true");
    await form.getByText(/already exists/).waitFor();
    await checkPage(page, "service-types");

    await key.fill("state-inspection");
    await form.getByRole("button", { name: "Add service type" }).click();
    await page.getByRole("cell", { name: "State inspection" }).waitFor();
    await page.close();
  });

  it("reaches every section from the keyboard", async () => {
    const page = await open("/activity");
    await page.getByRole("heading", { name: "Live activity" }).waitFor();

    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      "Skip to content",
    );
    let hasReachedCustomers = false;
    for (let press = 0; press < 10 && !hasReachedCustomers; press += 1) {
      await page.keyboard.press("Tab");
      hasReachedCustomers = await page.evaluate(
        () => document.activeElement?.textContent === "Customers",
      );
    }
    expect(hasReachedCustomers).toBe(true);
    await page.keyboard.press("Enter");

    await page.getByRole("heading", { name: "Customers" }).waitFor();
    await page.close();
  });

  it("explains an address that is not a page", async () => {
    const page = await open("/no/such/page");
    await checkPage(page, "not-found");
    await page.getByText("This address is not part of the console.").waitFor();
    await page.close();
  });
});
