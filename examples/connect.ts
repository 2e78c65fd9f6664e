import { createRallyClient } from "@rally/client/node";

/** A client for the server in RALLY_URL (default http://localhost:3000). */
export function connect() {
  return createRallyClient({
    url: process.env.RALLY_URL ?? "http://localhost:3000",
    token: process.env.RALLY_TOKEN,
  });
}
