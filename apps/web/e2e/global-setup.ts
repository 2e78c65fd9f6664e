import { fileURLToPath } from "node:url";

import { build } from "vite";

/** Builds the console once for every browser test in the run. */
export default async function buildConsole() {
  // Vitest sets NODE_ENV to "test", which would bundle React's slow
  // development build; the tests must see what users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      root: fileURLToPath(new URL("..", import.meta.url)),
      configFile: fileURLToPath(new URL("../vite.config.ts", import.meta.url)),
      mode: "production",
      logLevel: "warn",
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
