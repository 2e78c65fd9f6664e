import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { chromium, type Page } from "playwright-core";

const screenshotDir = fileURLToPath(
  new URL("../../../../test-artifacts/screenshots", import.meta.url),
);
const axeSource = readFile(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

/**
 * Debian's Chromium, headless, with a fresh profile and none of its calls
 * home (this machine has no network beyond loopback).
 */
export async function launchBrowser() {
  const userDataDir = await mkdtemp(path.join(tmpdir(), "rally-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1280, height: 860 },
    locale: "en-US",
    timezoneId: "UTC",
    // The server's Content-Security-Policy forbids inline scripts, which is
    // how axe-core is injected; the pages themselves never need one.
    bypassCSP: true,
  });
  context.setDefaultTimeout(10_000);

  return {
    context,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core's serious and critical findings on the page as it is now. */
export async function seriousViolations(page: Page) {
  const isLoaded = await page.evaluate(() => "axe" in window);
  if (!isLoaded) {
    await page.addScriptTag({ content: await axeSource });
  }
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<unknown> } }).axe;
    const result = (await axe.run()) as { violations: AxeViolation[] };

    return result.violations;
  });

  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
    );
}

/** Saves what a person would see, for a human to look at after the run. */
export async function screenshot(page: Page, name: string) {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({
    path: path.join(screenshotDir, `${name}.png`),
    fullPage: true,
  });
}
