import WebSocket from "ws";

import {
  createRallyClient as createClient,
  type RallyClientOptions,
} from "./index.ts";

export * from "./index.ts";

/** createRallyClient with the `ws` package's WebSocket, for Node 20. */
export function createRallyClient(
  options: Omit<RallyClientOptions, "WebSocket">,
) {
  return createClient({
    ...options,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
  });
}
