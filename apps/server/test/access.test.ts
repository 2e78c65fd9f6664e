import type { Role } from "@rally/api";
import type { RallyClient } from "@rally/client/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestServer } from "../src/testing.ts";
import { allProcedures, callByPath } from "./support/procedures.ts";

/** The only procedures anyone may call without signing in. */
/** Public on purpose: health, signing in, and the booking link's page. */
const publicAllowList = [
  "health.check",
  "auth.login",
  "auth.logout",
  "booking.slots",
  "booking.book",
];

/** Domains that only an admin may touch at all. */
const adminOnlyDomains = ["user", "token", "audit"];

const rolesBelow: Record<Role, Role[]> = {
  VIEWER: [],
  STAFF: ["VIEWER"],
  ADMIN: ["VIEWER", "STAFF"],
};

let server: TestServer;
let clients: Record<Role | "anonymous", RallyClient>;

beforeAll(async () => {
  server = await startTestServer();
  clients = {
    anonymous: server.anonymousClient(),
    VIEWER: await server.clientFor("VIEWER"),
    STAFF: await server.clientFor("STAFF"),
    ADMIN: server.client,
  };
});

afterAll(async () => {
  await server?.close();
});

describe("every procedure in the router", () => {
  const guarded = allProcedures.filter((entry) => entry.requiredRole);

  it("is public only when it is on the allow-list", () => {
    const publicPaths = allProcedures
      .filter((entry) => entry.requiredRole === null)
      .map((entry) => entry.path);

    expect(publicPaths.sort()).toEqual([...publicAllowList].sort());
  });

  it("leaves users, tokens and the audit log to admins", () => {
    const adminOnly = allProcedures.filter((entry) =>
      adminOnlyDomains.includes(entry.path.split(".")[0]!),
    );

    expect(adminOnly.length).toBeGreaterThan(0);
    expect(adminOnly.filter((entry) => entry.requiredRole !== "ADMIN")).toEqual(
      [],
    );
  });

  it.each(guarded.map((entry) => [entry.path, entry] as const))(
    "%s refuses anonymous callers and lower roles",
    async (_path, entry) => {
      const role = entry.requiredRole!;
      const refusals = [
        await callByPath(clients.anonymous, entry, undefined),
        ...(await Promise.all(
          rolesBelow[role].map((lower) =>
            callByPath(clients[lower], entry, undefined),
          ),
        )),
      ];
      const allowed = await callByPath(clients[role], entry, undefined);

      expect(refusals).toEqual([
        "UNAUTHORIZED",
        ...rolesBelow[role].map(() => "FORBIDDEN"),
      ]);
      expect(["UNAUTHORIZED", "FORBIDDEN"]).not.toContain(allowed);
    },
  );
});
