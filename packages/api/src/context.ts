import type { Database } from "@rally/db";
import type { Logger } from "pino";

import type { Clock } from "./clock.ts";
import type { EventBus } from "./events/bus.ts";
import type { Transport } from "./events/stream.ts";

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
}

export type Role = "ADMIN" | "STAFF" | "VIEWER";

/** Who is calling: a signed-in staff member, an API token, or the system. */
export interface Actor {
  kind: "user" | "token" | "system";
  id: number | null;
  role: Role;
}

/** The per-call context: the process's services plus who is calling. */
export interface Context extends Services {
  requestId: string;
  actor: Actor | null;
  /** The WebSocket a subscription writes to, so slow clients are noticed. */
  transport?: Transport | undefined;
}

export function createContextFactory(services: Services) {
  return (
    requestId: string,
    actor: Actor | null,
    transport?: Transport,
  ): Context => ({
    ...services,
    requestId,
    actor,
    transport,
    logger: services.logger.child({
      requestId,
      actor: actor ? `${actor.kind}:${actor.id ?? "-"}` : "anonymous",
    }),
  });
}
