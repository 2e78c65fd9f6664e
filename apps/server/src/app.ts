import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";

import { appRouter, CREDENTIALS_CHANNEL, type Services } from "@rally/api";
import { isMigrated } from "@rally/db";
import * as trpcExpress from "@trpc/server/adapters/express";
import { applyWSSHandler } from "@trpc/server/adapters/ws";
import express from "express";
import helmet from "helmet";
import { WebSocketServer } from "ws";

import { bookingRoutes } from "./http/booking/routes.ts";
import { inboundRoutes } from "./http/inbound/routes.ts";
import { createAuthContexts } from "./auth-context.ts";
import { bodyLimit, edgeLimits, rateLimit } from "./edge-limits.ts";
import type { Metrics } from "./metrics.ts";
import { createOriginCheck } from "./origins.ts";
import {
  isPublicCall,
  procedurePathsOf,
  refuseForeignOrigins,
} from "./trpc-guards.ts";
import { emailWebhookRoutes } from "./http/email-webhooks.ts";
import { unsubscribeRoutes } from "./http/unsubscribe.ts";

export interface RallyServerOptions {
  services: Services;
  /** The built console to serve, when there is one. */
  webDir?: string | undefined;
  /** Signs inbound-mail webhooks; the shop secret when unset. */
  inboundWebhookSecret?: string | undefined;
  /** Origins besides the public URL's that browsers may call in from. */
  allowedOrigins?: string[] | undefined;
  /** Proxies in front whose X-Forwarded-For names the caller (0: none). */
  trustProxy?: number | undefined;
  metrics?: Metrics | undefined;
  /** False in worker processes: only health and metrics are served. */
  isApi?: boolean | undefined;
  /** Verifies email providers' webhooks; defaults to the shop secret. */
  webhookSecret?: string | undefined;
}

export interface RallyServer {
  httpServer: http.Server;
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * One HTTP server carries the console, tRPC over HTTP at /trpc, and tRPC
 * over WebSocket on the same path.
 */
export function createRallyServer(options: RallyServerOptions): RallyServer {
  const { services, metrics } = options;
  const isApi = options.isApi ?? true;
  const contexts = createAuthContexts(services);
  const isAllowedOrigin = createOriginCheck([
    services.publicUrl,
    ...(options.allowedOrigins ?? []),
  ]);
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", options.trustProxy ?? 0);
  app.use(
    helmet({
      contentSecurityPolicy: { directives: cspDirectives(services.publicUrl) },
    }),
  );

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    const isReady = await isMigrated(services.db).catch(() => false);
    res.status(isReady ? 200 : 503).json({ ready: isReady });
  });
  if (metrics) {
    app.get("/metrics", async (_req, res) => {
      res.type(metrics.registry.contentType);
      res.send(await metrics.registry.metrics());
    });
  }
  if (!isApi) {
    return serve(http.createServer(app), Promise.resolve());
  }
  const defaultBodyLimit = bodyLimit(1_000_000);
  const callBodyLimit: express.RequestHandler = (req, res, next) =>
    procedurePathsOf(req).includes("import.start")
      ? next()
      : defaultBodyLimit(req, res, next);
  // Webhook routes mount below these; public pages take `publicLimit`.
  const publicLimit = rateLimit(edgeLimits.publicPerMinute);
  app.use(
    "/webhooks",
    rateLimit(edgeLimits.webhooksPerMinute),
    bodyLimit(edgeLimits.webhookBodyBytes),
  );
  app.use("/book", publicLimit);
  app.use("/unsubscribe", publicLimit);
  app.use(bookingRoutes(services));
  app.use(
    inboundRoutes(services, options.inboundWebhookSecret ?? services.secret),
  );
  app.use(
    emailWebhookRoutes(services, options.webhookSecret ?? services.secret),
  );
  app.use(unsubscribeRoutes(services));
  app.use(
    "/trpc",
    refuseForeignOrigins(isAllowedOrigin),
    callBodyLimit,
    (req, res, next) =>
      isPublicCall(req) ? void publicLimit(req, res, next) : next(),
    trpcExpress.createExpressMiddleware({
      router: appRouter,
      // Room for a CSV import's content (limits.importBytes) plus its JSON
      // escaping; `callBodyLimit` holds every other call to 1 MB.
      maxBodySize: 12_000_000,
      // The typed client batches at most 20 calls; more is abuse.
      maxBatchSize: 20,
      createContext: ({ req, res }) => contexts.forHttp(req, res),
    }),
  );
  if (options.webDir && existsSync(options.webDir)) {
    const webDir = options.webDir;
    app.use(express.static(webDir, { index: false, maxAge: "1h" }));
    app.get("/{*path}", (_req, res) => {
      res.sendFile(path.join(webDir, "index.html"));
    });
  }

  const httpServer = http.createServer(app);
  // Idle keep-alive sockets outlive the client's own idle timeout, so a
  // client never sends a request on a socket the server is just closing.
  httpServer.keepAliveTimeout = 65_000;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1_000_000 });
  const wsHandler = applyWSSHandler({
    wss,
    router: appRouter,
    createContext: ({ req, res, info }) =>
      contexts.forSocket(req, info.connectionParams, res),
    keepAlive: { enabled: true, pingMs: 20_000, pongWaitMs: 5_000 },
  });
  httpServer.on("upgrade", (req, socket, head) => {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    if (pathname !== "/trpc") {
      socket.destroy();

      return;
    }
    // Browsers send cookies with any site's WebSocket, so the Origin is what
    // keeps another site from opening one as a signed-in user.
    if (!isAllowedOrigin(req)) {
      socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n");

      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      wss.emit("connection", ws, req);
    });
  });

  metrics?.countSocketsWith(() => wss.clients.size);
  const unlistenCredentials = services.db.notifier
    .listen(CREDENTIALS_CHANNEL, () => {
      contexts.closeRevokedSockets().catch((error: unknown) => {
        services.logger.warn({ err: error }, "rechecking sockets failed");
      });
    })
    .catch((error: unknown) => {
      // Revoked credentials still fail at each new call; only running
      // subscriptions would go on until their socket reconnects.
      services.logger.error({ err: error }, "cannot hear credential changes");

      return () => {};
    });

  return serve(httpServer, unlistenCredentials, async () => {
    (await unlistenCredentials)();
    // Clients are told to reconnect (to another process, or to this one
    // when it is back) before their sockets close.
    wsHandler.broadcastReconnectNotification();
    await new Promise<void>((resolve) => {
      wss.close(() => resolve());
      for (const client of wss.clients) {
        client.terminate();
      }
    });
  });
}

/**
 * Listens once `ready` settles: on PGlite a LISTEN racing the first
 * transactions can stall them, so nothing is served before it is in place.
 */
function serve(
  httpServer: http.Server,
  ready: Promise<unknown>,
  closeSockets: () => Promise<void> = async () => {},
): RallyServer {
  return {
    httpServer,
    async listen(port, host) {
      await ready;

      return new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          const actualPort =
            typeof address === "object" && address ? address.port : port;
          resolve(`http://localhost:${actualPort}`);
        });
      });
    },
    async close() {
      await closeSockets();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeIdleConnections();
      });
    },
  };
}

/**
 * Scripts and sockets from Rally's own origin only. Plain-http installs on
 * a shop's network must not have their requests upgraded to https.
 */
function cspDirectives(publicUrl: string) {
  const { origin, protocol } = new URL(publicUrl);

  return {
    connectSrc: ["'self'", origin.replace(/^http/, "ws")],
    upgradeInsecureRequests: protocol === "https:" ? [] : null,
  };
}
