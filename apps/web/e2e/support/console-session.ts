import { expect } from "vitest";
import type { Page } from "playwright-core";

import { launchBrowser, screenshot, seriousViolations } from "./browser.ts";
import { consoleUser, type ConsoleServer } from "./console-server.ts";

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

/**
 * A browser signed in to one console server, for test files that start
 * their own: pages open already signed in.
 */
export async function signedInBrowser(server: ConsoleServer) {
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await page.getByLabel("Email").fill(consoleUser.email);
  await page.locator("input[type=password]").fill(consoleUser.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation", { name: "Sections" }).waitFor();
  await page.close();

  return {
    ...browser,
    async open(path: string) {
      const opened = await browser.context.newPage();
      await opened.goto(`${server.url}${path}`);

      return opened;
    },
  };
}

export type SignedInBrowser = Browser & {
  open(path: string): Promise<Page>;
};

/** Every page must pass axe-core, and leaves a screenshot behind. */
export async function checkPage(page: Page, name: string) {
  await page.getByRole("heading", { level: 1 }).waitFor();
  await screenshot(page, name);
  expect(await seriousViolations(page)).toEqual([]);
}
