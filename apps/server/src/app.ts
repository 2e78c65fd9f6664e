import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";

import {
  appRouter,
  createContextFactory,
  type Actor,
  type Services,
} from "@rally/api";
import { isMigrated } from "@rally/db";
import * as trpcExpress from "@trpc/server/adapters/express";
import { applyWSSHandler } from "@trpc/server/adapters/ws";
import express from "express";
import { WebSocketServer } from "ws";

export interface RallyServerOptions {
  services: Services;
  /** The built console to serve, when there is one. */
  webDir?: string | undefined;
  /** Who is calling, from the request's credentials. */
  authenticate: (req: http.IncomingMessage) => Promise<Actor | null>;
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
  const { services } = options;
  const makeContext = createContextFactory(services);
  const app = express();
  app.disable("x-powered-by");

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    const isReady = await isMigrated(services.db).catch(() => false);
    res.status(isReady ? 200 : 503).json({ ready: isReady });
  });
  app.use(
    "/trpc",
    trpcExpress.createExpressMiddleware({
      router: appRouter,
      maxBodySize: 1_000_000,
      createContext: async ({ req }) =>
        makeContext(
          headerRequestId(req.headers) ?? randomUUID(),
          await options.authenticate(req),
        ),
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
    createContext: async ({ req }) =>
      makeContext(randomUUID(), await options.authenticate(req)),
    keepAlive: { enabled: true, pingMs: 20_000, pongWaitMs: 5_000 },
  });
  httpServer.on("upgrade", (req, socket, head) => {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    if (pathname !== "/trpc") {
      socket.destroy();

      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      wss.emit("connection", ws, req);
    });
  });

  return {
    httpServer,
    listen(port, host) {
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
      // Clients are told to reconnect (to another process, or to this one
      // when it is back) before their sockets close.
      wsHandler.broadcastReconnectNotification();
      await new Promise<void>((resolve) => {
        wss.close(() => resolve());
        for (const client of wss.clients) {
          client.terminate();
        }
      });
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeIdleConnections();
      });
    },
  };
}

function headerRequestId(headers: http.IncomingHttpHeaders) {
  const value = headers["x-request-id"];

  return typeof value === "string" && /^[\w-]{1,64}$/.test(value)
    ? value
    : undefined;
}
