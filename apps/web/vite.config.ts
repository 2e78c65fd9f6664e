import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * The console may import the API's types, shared schemas and limits, never
 * its server code: a bundle that reached the database layer, the services
 * or a Node-only logger would be broken and would leak internals.
 */
const sharedWithConsole = [
  "schemas",
  "limits",
  "schedule-schemas",
  "settings-schemas",
  "time-zones",
  "rule-schemas",
  "template-schemas",
];
const serverOnly = [
  /\/packages\/db\//,
  new RegExp(`/packages/api/src/(?!(${sharedWithConsole.join("|")})\\.ts$)`),
  /\/node_modules\/(\.pnpm\/)?(@prisma|pino|pg|ws)[@/]/,
];

function forbidServerCode(): Plugin {
  return {
    name: "rally:forbid-server-code",
    apply: "build",
    load(id) {
      if (serverOnly.some((pattern) => pattern.test(id))) {
        this.error(`the console must not bundle server code: ${id}`);
      }

      return null;
    },
  };
}

/** Where `vite dev` sends API calls: the server started with `pnpm dev`. */
const serverUrl = process.env.RALLY_SERVER_URL ?? "http://localhost:3000";

export default defineConfig({
  plugins: [react(), forbidServerCode()],
  server: {
    proxy: {
      "/trpc": { target: serverUrl, ws: true },
    },
  },
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 700,
  },
});
