import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

/** The console's browser tests: real server, built console, real Chromium. */
export default defineConfig({
  test: {
    name: "web-e2e",
    root: fileURLToPath(new URL(".", import.meta.url)),
    include: ["e2e/**/*.e2e.test.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
