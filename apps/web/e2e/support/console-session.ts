import type { Page } from "playwright-core";
import { expect } from "vitest";

import { launchBrowser, screenshot, seriousViolations } from "./browser.ts";
import { consoleUser, type ConsoleServer } from "./console-server.ts";

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

export type SignedInBrowser = Browser & {
  open(path: string): Promise<Page>;
};

/**
 * A browser signed in to one console server through the sign-in page, for
 * test files that start their own server: pages open already signed in.
 */
export async function signedInBrowser(
  server: ConsoleServer,
  user: { email: string; password: string } = consoleUser,
  options: {
    /** Looks at the filled-in sign-in page before it is sent. */
    beforeSubmit?: (page: Page) => Promise<void>;
  } = {},
): Promise<SignedInBrowser> {
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await page.getByLabel("Email").fill(user.email);
  await page.locator("input[type=password]").fill(user.password);
  await options.beforeSubmit?.(page);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation", { name: "Sections" }).waitFor();
  await page.close();

  return {
    ...browser,
    open: (path: string) => openPage(browser, server, path),
  };
}

export async function openPage(
  browser: Browser,
  server: ConsoleServer,
  path: string,
) {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}${path}`);

  return page;
}

/** Every page must pass axe-core, and leaves a screenshot behind. */
export async function checkPage(page: Page, name: string) {
  await page.getByRole("heading", { level: 1 }).waitFor();
  await screenshot(page, name);
  expect(await seriousViolations(page)).toEqual([]);
}

/** Marks the page, so a test can tell it was never reloaded. */
export async function markPage(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { isSamePage: boolean }).isSamePage = true;
  });

  return async () =>
    page.evaluate(
      () => (window as unknown as { isSamePage?: boolean }).isSamePage,
    );
}

export async function isSamePage(page: Page) {
  return page.evaluate(
    () => (window as unknown as { isSamePage?: boolean }).isSamePage === true,
  );
}
