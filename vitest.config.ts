import { existsSync } from "node:fs";

import { defineConfig } from "vitest/config";

/**
 * The console's browser tests drive a real Chromium (Debian's package, or
 * CHROMIUM_PATH). A machine without one still runs everything else and is
 * told what it missed; under CI a missing browser fails the run.
 */
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasBrowser = existsSync(chromium);
const browserHint =
  `no Chromium at ${chromium}: install it (apt-get install -y chromium) ` +
  "or set CHROMIUM_PATH";
if (!hasBrowser && process.env.CI) {
  throw new Error(`The browser tests cannot run: ${browserHint}`);
}
// The config is read more than once per run; say it once.
if (!hasBrowser && !process.env.RALLY_TOLD_NO_BROWSER) {
  process.env.RALLY_TOLD_NO_BROWSER = "1";
  process.stderr.write(
    `\n  NOT RUN: the console's browser tests (apps/web/e2e); ${browserHint}.\n\n`,
  );
}

export default defineConfig({
  test: {
    include: ["{apps,packages}/*/{src,test}/**/*.test.ts"],
    exclude: ["**/node_modules/**", "apps/web/e2e/**"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: "suite" } },
      ...(hasBrowser ? ["apps/web/vitest.e2e.config.ts"] : []),
    ],
  },
});
