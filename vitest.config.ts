import { defineConfig } from "vitest/config";

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
      "apps/web/vitest.e2e.config.ts",
    ],
  },
});
