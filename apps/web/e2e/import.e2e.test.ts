import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

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

let server: ConsoleServer;
let browser: SignedInBrowser;

beforeAll(async () => {
  server = await startConsoleServer();
  browser = await signedInBrowser(server);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Enough rows for several batches, so progress arrives in steps. */
const bulkRows = 10_000;

/** An export as shop systems write them: a BOM, CRLF, quoted commas. */
const customersFile = [
  "\uFEFFCustomer No,First Name,Last Name,E-Mail,Phone,Loyalty tier",
  'C1,Ana,"Ruiz, de la Vega",Ana.Ruiz@Example.com,312-555-0101,gold',
  'C2,"Bob ""Bobby""",Imported,bob@example.com,,silver',
  "C3,Cleo,Jones,not-an-email,,",
  ...Array.from(
    { length: bulkRows },
    (_, n) => `C${n + 10},Row${n},Bulk,row${n}@example.com,,`,
  ),
  "",
].join("\r\n");

async function chooseFile(page: Page) {
  await page.locator("input[type=file]").setInputFiles({
    name: "customers.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(customersFile, "utf8"),
  });
}

/** Records every value the progress bar shows, from now on. */
async function watchProgress(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[aria-label="Import progress"]');
      const value = bar?.getAttribute("aria-valuenow");
      if (value && seen.at(-1) !== value) {
        seen.push(value);
      }
    }).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["aria-valuenow"],
    });
  });

  return () =>
    page.evaluate(
      () => (window as unknown as { progressSeen: string[] }).progressSeen,
    );
}

function sections(page: Page) {
  return page.getByRole("navigation", { name: "Sections" });
}

async function reportOf(page: Page, what: string) {
  const report = page.getByRole("region", { name: "Report" });
  await report
    .getByText(`${what} of customers.csv (customers): done`)
    .waitFor();

  return report;
}

describe("import page", () => {
  it("guesses the mapping, dry-runs with the bad row named, then imports live", async () => {
    // The search is cached before the import, so the Customers page can
    // show the imported rows afterwards only if the import refreshed it.
    await server.client.customer.create.mutate({
      firstName: "Walk",
      lastName: "In",
    });
    const page = await browser.open("/customers");
    await page.getByRole("status").getByText("Live").waitFor();
    await markPage(page);
    await page.getByRole("link", { name: "In, Walk" }).waitFor();
    await page.getByLabel("Search").fill("Imported");
    await page.getByText("No customers match.").waitFor();
    await sections(page).getByRole("link", { name: "Import" }).click();
    await chooseFile(page);

    const mapping = page.getByRole("group", { name: "Column mapping" });
    await expect
      .poll(() => mapping.getByLabel("External id").inputValue())
      .toBe("Customer No");
    expect(await mapping.getByLabel("Email").inputValue()).toBe("E-Mail");
    expect(await mapping.getByLabel("Last name").inputValue()).toBe(
      "Last Name",
    );
    await checkPage(page, "import-mapping");

    await page.getByRole("button", { name: "Dry run" }).click();
    const dryRun = await reportOf(page, "Dry run");
    const issues = dryRun.getByRole("table", { name: "Rows not imported" });
    const badRow = issues.getByRole("row", { name: /^4 Email/ });
    await badRow.getByText('"not-an-email" is not an email address').waitFor();
    const counts = dryRun.getByRole("group", { name: "Import counts" });
    await counts.getByText("Would be created").waitFor();
    await counts
      .getByText((bulkRows + 2).toLocaleString("en-US"))
      .first()
      .waitFor();
    expect(
      await server.client.customer.list.query({ search: "Ruiz" }),
    ).toMatchObject({ items: [] });

    const progressSeen = await watchProgress(page);
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await reportOf(page, "Import");
    const seen = (await progressSeen()).map(Number);
    expect(seen.at(-1)).toBe(100);
    expect({
      seen,
      hasStep: seen.some((value) => value > 0 && value < 100),
    }).toMatchObject({ hasStep: true });
    await counts.getByText("Rows ok").waitFor();
    const history = page.getByRole("table", { name: "Past imports" });
    await expect.poll(() => history.getByRole("row").count()).toBe(3);
    await checkPage(page, "import-report");
    await history
      .getByRole("row", { name: /Dry run/ })
      .getByRole("button", { name: "customers.csv" })
      .click();
    await reportOf(page, "Dry run");

    await sections(page).getByRole("link", { name: "Customers" }).click();
    await page.getByLabel("Search").fill("Imported");
    const customers = page.getByRole("table", { name: "Customers" });
    await customers
      .getByRole("link", { name: 'Imported, Bob "Bobby"' })
      .waitFor();
    await page.getByLabel("Search").fill("Ruiz");
    await customers
      .getByRole("link", { name: "Ruiz, de la Vega, Ana" })
      .waitFor();
    expect(await isSamePage(page)).toBe(true);
  });
});
