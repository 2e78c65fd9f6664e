import type http from "node:http";

import type { Credentials } from "@rally/api";
import type { CookieOptions } from "express";

export const sessionCookieName = "rally_session";

/** The credentials an HTTP request or WebSocket upgrade carries. */
export function credentialsOf(
  req: http.IncomingMessage,
  connectionParams?: Record<string, string | undefined> | null,
): Credentials {
  const header = req.headers.authorization;
  const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];

  return {
    apiToken: bearer ?? connectionParams?.token ?? null,
    sessionToken: sessionTokenOf(req),
  };
}

export function sessionTokenOf(req: http.IncomingMessage) {
  const header = req.headers.cookie ?? "";
  for (const pair of header.split(";")) {
    const [name, ...rest] = pair.trim().split("=");
    if (name === sessionCookieName) {
      return rest.join("=") || null;
    }
  }

  return null;
}

/**
 * httpOnly keeps the session away from scripts; SameSite=Lax keeps other
 * sites' forms and fetches from riding on it; Secure whenever Rally is
 * reached over https.
 */
export function sessionCookieOptions(isSecure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: "lax", secure: isSecure, path: "/" };
}
