import type { AppRouter } from "@rally/api";
import {
  createTRPCClient,
  createWSClient,
  httpBatchLink,
  splitLink,
  wsLink,
  type TRPCLink,
} from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import superjson from "superjson";

export type { AppRouter };
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export { TRPCClientError } from "@trpc/client";

export type ConnectionState = "connecting" | "live" | "reconnecting";

export interface RallyClientOptions {
  /** The server's base URL, such as http://localhost:3000. */
  url: string;
  /** An API token; the console signs in with a cookie instead. */
  token?: string | undefined;
  /**
   * A WebSocket class. Browsers and Node 22 have one; on Node 20 pass the
   * `ws` package's (or import from "@rally/client/node", which does).
   */
  WebSocket?: typeof globalThis.WebSocket | undefined;
  /** Hears whether the subscription socket is live. */
  onConnectionState?: ((state: ConnectionState) => void) | undefined;
}

/** The typed links alone, for hosts (such as React) that make their own client. */
export function createRallyLinks(options: RallyClientOptions) {
  const base = options.url.replace(/\/+$/, "");
  const wsUrl = `${base.replace(/^http/, "ws")}/trpc`;
  const WebSocketImpl = options.WebSocket ?? globalThis.WebSocket;
  if (!WebSocketImpl) {
    throw new Error(
      "no WebSocket class: pass one (the `ws` package's on Node 20)",
    );
  }
  let hasConnected = false;
  const wsClient = createWSClient({
    url: wsUrl,
    WebSocket: WebSocketImpl,
    lazy: { enabled: true, closeMs: 10_000 },
    keepAlive: { enabled: true, intervalMs: 15_000, pongTimeoutMs: 5_000 },
    retryDelayMs: (attempt) =>
      Math.min(500 * 2 ** attempt, 15_000) * (0.5 + Math.random() / 2),
    connectionParams: options.token ? { token: options.token } : undefined,
    onOpen() {
      hasConnected = true;
      options.onConnectionState?.("live");
    },
    onClose() {
      options.onConnectionState?.(hasConnected ? "reconnecting" : "connecting");
    },
  });
  const headers = options.token
    ? { authorization: `Bearer ${options.token}` }
    : undefined;
  const links: TRPCLink<AppRouter>[] = [
    splitLink({
      condition: (op) => op.type === "subscription",
      true: wsLink<AppRouter>({ client: wsClient, transformer: superjson }),
      false: httpBatchLink({
        url: `${base}/trpc`,
        transformer: superjson,
        headers,
        maxItems: 20,
      }),
    }),
  ];

  return { links, close: () => wsClient.close() };
}

/**
 * A typed Rally client: queries and mutations over HTTP (batched),
 * subscriptions over one WebSocket that reconnects with backoff and resumes
 * from the last event id it saw.
 */
export function createRallyClient(options: RallyClientOptions) {
  const { links, close } = createRallyLinks(options);
  const client = createTRPCClient<AppRouter>({ links });

  // The tRPC client is a proxy that turns every property into a procedure
  // path, so `close` is answered here before it reaches it.
  return new Proxy(client, {
    get: (target, property, receiver) =>
      property === "close" ? close : Reflect.get(target, property, receiver),
  }) as typeof client & { close: () => void };
}

export type RallyClient = ReturnType<typeof createRallyClient>;
