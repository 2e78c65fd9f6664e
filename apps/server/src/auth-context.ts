import { randomUUID } from "node:crypto";
import type http from "node:http";

import {
  authenticate,
  createContextFactory,
  type HttpExchange,
  type Services,
} from "@rally/api";
import type { Request, Response } from "express";

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
  const identify = (credentials: ReturnType<typeof credentialsOf>) =>
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
    ) {
      const credentials = credentialsOf(req, connectionParams);

      return makeContext(randomUUID(), await identify(credentials), {
        reauthenticate: () => identify(credentials),
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
