import type { Database } from "@rally/db";
import type { Logger } from "pino";

import type { Clock } from "./clock.ts";
import type { EventBus } from "./events/bus.ts";
import type { StreamSocket } from "./events/stream.ts";
import type { EmailProvider } from "./services/email/providers/provider.ts";
import {
  createLoginThrottle,
  type LoginThrottle,
} from "./services/login-throttle.ts";

/** What every service needs, built once per process by the host. */
export interface Services {
  db: Database;
  clock: Clock;
  logger: Logger;
  events: EventBus;
  /** Signs tokens in links that leave Rally (unsubscribe, booking, reply). */
  secret: string;
  /** The address customers reach Rally at, for links in emails. */
  publicUrl: string;
  /** Days after a reply in which a booking is credited to its campaign (7). */
  attributionWindowDays?: number;
  /** Hears how each call went, for the host's metrics. */
  observer?: CallObserver | undefined;
  /** The configured provider, for staff's test sends; none sends no mail. */
  emailProvider?: EmailProvider | undefined;
}

export interface CompletedCall {
  path: string;
  type: "query" | "mutation" | "subscription";
  /** "ok" or the tRPC error code. */
  outcome: string;
  durationMs: number;
}

export interface CallObserver {
  callCompleted(call: CompletedCall): void;
}

/**
 * The HTTP exchange a call arrived on, as far as procedures may touch it:
 * enough to sign in and out, nothing of express.
 */
export interface HttpExchange {
  /** The caller's address, for rate limits. */
  ip: string;
  /** The session cookie the request carried, if any. */
  sessionToken: string | null;
  setSessionCookie(sessionToken: string, expiresAt: Date): void;
  clearSessionCookie(): void;
}

/** What the host knows about the transport beyond who is calling. */
export interface Transport {
  /** Present over HTTP; a WebSocket cannot set cookies. */
  http?: HttpExchange | undefined;
  /**
   * Checks the connection's credential again. A WebSocket is authenticated
   * once at connect, so each new call asks again: a revoked token or a
   * disabled account stops working at once on open sockets too.
   */
  reauthenticate?: (() => Promise<Actor | null>) | undefined;
  /** The WebSocket a subscription writes to, so slow clients are noticed. */
  socket?: StreamSocket | undefined;
}

export type Role = "ADMIN" | "STAFF" | "VIEWER";

/** Who is calling: a signed-in staff member, an API token, or the system. */
export interface Actor {
  kind: "user" | "token" | "system";
  id: number | null;
  role: Role;
}

/** The per-call context: the process's services, the transport and the caller. */
export interface Context extends Services, Transport {
  requestId: string;
  actor: Actor | null;
  loginThrottle: LoginThrottle;
}

export function createContextFactory(services: Services) {
  const loginThrottle = createLoginThrottle(services.db, services.clock);

  return (
    requestId: string,
    actor: Actor | null,
    transport: Transport = {},
  ): Context => ({
    ...services,
    requestId,
    actor,
    ...transport,
    loginThrottle,
    logger: services.logger.child({
      requestId,
      actor: actor ? `${actor.kind}:${actor.id ?? "-"}` : "anonymous",
    }),
  });
}
