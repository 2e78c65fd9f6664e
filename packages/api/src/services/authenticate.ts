import type { Database } from "@rally/db";

import type { Actor } from "../context.ts";
import type { Clock } from "../clock.ts";
import { actorForApiToken } from "./api-tokens.ts";
import { actorForSession } from "./sessions.ts";

export interface Credentials {
  /** From `Authorization: Bearer` or WebSocket connection params. */
  apiToken?: string | null | undefined;
  /** From the session cookie. */
  sessionToken?: string | null | undefined;
}

const maxCredentialLength = 200;

/**
 * Who is calling, from whatever credentials came with the request. A token
 * wins over a cookie: tools send tokens on purpose, while a browser sends
 * its cookie with everything.
 */
export async function authenticate(
  db: Database,
  clock: Clock,
  credentials: Credentials,
): Promise<Actor | null> {
  const { apiToken, sessionToken } = credentials;
  if (apiToken && apiToken.length <= maxCredentialLength) {
    return actorForApiToken(db, clock, apiToken);
  }
  if (sessionToken && sessionToken.length <= maxCredentialLength) {
    return actorForSession(db, clock, sessionToken);
  }

  return null;
}
