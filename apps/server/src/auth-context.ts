import { randomUUID } from "node:crypto";
import type http from "node:http";

import {
  authenticate,
  createContextFactory,
  type Credentials,
  type HttpExchange,
  type Services,
} from "@rally/api";
import type { Request, Response } from "express";
import type { WebSocket } from "ws";

import {
  credentialsOf,
  sessionCookieName,
  sessionCookieOptions,
  sessionTokenOf,
} from "./credentials.ts";

/** Builds each call's context from the request's credentials. */
export function createAuthContexts(services: Services) {
  const makeContext = createContextFactory(services);
  const isHttpsPublic = services.publicUrl.startsWith("https:");
  const signedInSockets = new Map<WebSocket, Credentials>();
  const identify = (credentials: Credentials) =>
    authenticate(services.db, services.clock, credentials);

  return {
    async forHttp(req: Request, res: Response) {
      const options = sessionCookieOptions(isHttpsPublic || req.secure);
      const http: HttpExchange = {
        ip: req.ip ?? "unknown",
        sessionToken: sessionTokenOf(req),
        setSessionCookie(token, expiresAt) {
          res.cookie(sessionCookieName, token, {
            ...options,
            expires: expiresAt,
          });
        },
        clearSessionCookie() {
          res.clearCookie(sessionCookieName, options);
        },
      };

      return makeContext(
        headerRequestId(req.headers) ?? randomUUID(),
        await identify(credentialsOf(req)),
        { http },
      );
    },
    /** A socket is authenticated at connect, and again at each new call. */
    async forSocket(
      req: http.IncomingMessage,
      connectionParams: Record<string, string | undefined> | null,
      socket: WebSocket,
    ) {
      const credentials = credentialsOf(req, connectionParams);
      const actor = await identify(credentials);
      if (actor) {
        signedInSockets.set(socket, credentials);
        socket.once("close", () => signedInSockets.delete(socket));
      }

      return makeContext(randomUUID(), actor, {
        reauthenticate: () => identify(credentials),
        socket: { pendingBytes: () => socket.bufferedAmount },
      });
    },
    /**
     * Closes the sockets whose credentials no longer pass, so that their
     * running subscriptions end too; clients reconnect and are refused.
     */
    async closeRevokedSockets() {
      for (const [socket, credentials] of signedInSockets) {
        if (!(await identify(credentials))) {
          signedInSockets.delete(socket);
          socket.close(4401, "credentials revoked");
        }
      }
    },
  };
}

function headerRequestId(headers: http.IncomingHttpHeaders) {
  const value = headers["x-request-id"];

  return typeof value === "string" && /^[\w-]{1,64}$/.test(value)
    ? value
    : undefined;
}
