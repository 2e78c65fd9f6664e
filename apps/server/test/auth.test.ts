import { createHash } from "node:crypto";

import { loginLimits, sessionLifetimeMs } from "@rally/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createRallyServer } from "../src/app.ts";
import {
  createTestClock,
  errorOf,
  startTestServer,
  testAdmin,
  type TestServer,
} from "../src/testing.ts";
import { cookieOf, rawCall } from "./support/http.ts";

let server: TestServer;
const clock = createTestClock();

beforeAll(async () => {
  server = await startTestServer({ clock });
});

afterAll(async () => {
  await server?.close();
});

function signIn(email: string, password: string) {
  return rawCall(server.url, "auth.login", "mutation", { email, password });
}

async function sessionCookieFor(email: string, password: string) {
  const result = await signIn(email, password);
  const cookie = cookieOf(result.setCookie);
  if (!cookie) {
    throw new Error(`signing in as ${email} failed: ${result.code}`);
  }

  return cookie;
}

function me(cookie: string) {
  return rawCall(server.url, "auth.me", "query", undefined, { cookie });
}

describe("signing in", () => {
  it("sets an httpOnly, SameSite session cookie", async () => {
    const result = await signIn(testAdmin.email, testAdmin.password);
    const header = result.setCookie.join("\n");

    expect(result.status).toBe(200);
    expect(header).toMatch(/^rally_session=[\w-]{43};/);
    expect(header).toContain("HttpOnly");
    expect(header).toContain("SameSite=Lax");
    expect(header).toContain("Path=/");
    expect(header).toContain("Expires=");
  });

  it("authenticates with the cookie until signing out", async () => {
    const cookie = await sessionCookieFor(testAdmin.email, testAdmin.password);
    const before = await me(cookie);
    const logout = await rawCall(
      server.url,
      "auth.logout",
      "mutation",
      undefined,
      {
        cookie,
      },
    );
    const after = await me(cookie);

    expect(before.data).toMatchObject({
      kind: "user",
      role: "ADMIN",
      user: { email: testAdmin.email },
    });
    expect(logout.setCookie.join("")).toMatch(
      /rally_session=;.*Expires=Thu, 01 Jan 1970/,
    );
    expect(after.code).toBe("UNAUTHORIZED");
  });

  it("ends a session after its lifetime", async () => {
    const cookie = await sessionCookieFor(testAdmin.email, testAdmin.password);
    const before = await me(cookie);
    clock.advance(sessionLifetimeMs + 1);
    const after = await me(cookie);

    expect(before.code).toBeUndefined();
    expect(after.code).toBe("UNAUTHORIZED");
  });

  it("marks the cookie Secure when Rally is reached over https", async () => {
    const secure = await startTestServer({ publicUrl: "https://rally.test" });
    try {
      const result = await rawCall(
        secure.url,
        "auth.login",
        "mutation",
        testAdmin,
      );

      expect(result.setCookie.join("")).toMatch(/; Secure/);
    } finally {
      await secure.close();
    }
  });

  it("keeps only a digest of the session in the database", async () => {
    const cookie = await sessionCookieFor(testAdmin.email, testAdmin.password);
    const secret = cookie.split("=")[1]!;
    const digest = createHash("sha256").update(secret).digest("hex");
    const stored = await server.db.prisma.session.findMany({
      select: { id: true },
    });

    expect(stored.map((row) => row.id)).toContain(digest);
    expect(stored.map((row) => row.id)).not.toContain(secret);
  });

  it("refuses a wrong password and an unknown email alike", async () => {
    const wrongPassword = await signIn(testAdmin.email, "not the password!");
    const unknownEmail = await signIn("nobody@rally.test", "whatever password");

    expect(wrongPassword.code).toBe("UNAUTHORIZED");
    expect(unknownEmail.code).toBe("UNAUTHORIZED");
    expect(wrongPassword.setCookie).toEqual([]);
  });

  it("pauses sign-ins to an account after repeated failures", async () => {
    await server.client.user.create.mutate({
      email: "guessed@rally.test",
      name: "Guessed",
      password: "the right password",
    });
    for (let i = 0; i < loginLimits.failuresPerAccount; i++) {
      await signIn("guessed@rally.test", `wrong guess ${i}`);
    }

    const paused = await signIn("guessed@rally.test", "the right password");

    expect(paused.code).toBe("TOO_MANY_REQUESTS");
    expect(paused.setCookie).toEqual([]);
  });

  it("holds an account to one allowance across server processes", async () => {
    await server.client.user.create.mutate({
      email: "spread@rally.test",
      name: "Spread",
      password: "the right password",
    });
    // A second server on the same database, as behind a load balancer.
    const other = createRallyServer({ services: server.services });
    const otherUrl = await other.listen(0, "127.0.0.1");
    try {
      for (let i = 0; i < loginLimits.failuresPerAccount; i++) {
        const url = i % 2 === 0 ? server.url : otherUrl;
        await rawCall(url, "auth.login", "mutation", {
          email: "spread@rally.test",
          password: `wrong guess ${i}`,
        });
      }

      const paused = await signIn("spread@rally.test", "the right password");

      expect(paused.code).toBe("TOO_MANY_REQUESTS");
    } finally {
      await other.close();
    }
  });

  it("lets an account sign in again once its pause has passed", async () => {
    await server.client.user.create.mutate({
      email: "paused@rally.test",
      name: "Paused",
      password: "the right password",
    });
    for (let i = 0; i < loginLimits.failuresPerAccount; i++) {
      await signIn("paused@rally.test", `wrong guess ${i}`);
    }

    clock.advance(loginLimits.windowSeconds * 1_000 - 1_000);
    const stillPaused = await signIn("paused@rally.test", "the right password");
    clock.advance(1_000);
    const resumed = await signIn("paused@rally.test", "the right password");

    expect(stillPaused.code).toBe("TOO_MANY_REQUESTS");
    expect(resumed.code).toBeUndefined();
    expect(cookieOf(resumed.setCookie)).toBeDefined();
  });
});

describe("staff accounts", () => {
  it("ends a disabled account's sessions at once", async () => {
    const user = await server.client.user.create.mutate({
      email: "leaver@rally.test",
      name: "Leaver",
      password: "leaver password",
      role: "STAFF",
    });
    const cookie = await sessionCookieFor(
      "leaver@rally.test",
      "leaver password",
    );
    await server.client.user.disable.mutate({ id: user.id });

    const after = await me(cookie);
    const again = await signIn("leaver@rally.test", "leaver password");

    expect(after.code).toBe("UNAUTHORIZED");
    expect(again.code).toBe("UNAUTHORIZED");
  });

  it("refuses a second account with the same email as CONFLICT", async () => {
    const error = await errorOf(
      server.client.user.create.mutate({
        email: testAdmin.email.toUpperCase(),
        name: "Twin",
        password: "twin password!",
      }),
    );

    expect(error.data?.code).toBe("CONFLICT");
  });

  it("does not let an admin disable or demote themself", async () => {
    const cookie = await sessionCookieFor(testAdmin.email, testAdmin.password);
    const disable = await rawCall(
      server.url,
      "user.disable",
      "mutation",
      { id: server.admin.id },
      { cookie },
    );
    const demote = await rawCall(
      server.url,
      "user.update",
      "mutation",
      { id: server.admin.id, role: "VIEWER" },
      { cookie },
    );

    expect(disable.code).toBe("CONFLICT");
    expect(demote.code).toBe("CONFLICT");
  });
});

describe("API tokens", () => {
  it("shows a new token once and keeps only its digest", async () => {
    const created = await server.client.token.create.mutate({
      name: "reporting",
      role: "VIEWER",
    });
    const listed = await server.client.token.list.query();
    const row = await server.db.prisma.apiToken.findUniqueOrThrow({
      where: { id: created.id },
      select: { tokenHash: true },
    });

    expect(created.token).toMatch(/^rally_[\w-]{43}$/);
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect(row.tokenHash).toBe(
      createHash("sha256").update(created.token).digest("hex"),
    );
  });

  it("records when a token was last used", async () => {
    const token = await server.tokenFor("VIEWER", "last used");
    await server.clientWith(token).customer.list.query({});

    const listed = await server.client.token.list.query();
    const used = listed.find((each) => each.name === "last used");

    expect(used?.lastUsedAt).toEqual(server.clock.now());
  });

  it("stops a revoked token at once, on open sockets too", async () => {
    const token = await server.tokenFor("STAFF", "revoked soon");
    const client = server.clientWith(token);
    const { id } = (await server.client.token.list.query()).find(
      (each) => each.name === "revoked soon",
    )!;
    const errors: string[] = [];
    const started = () =>
      new Promise<void>((resolve, reject) => {
        client.events.onAll.subscribe(
          {},
          {
            onStarted: () => resolve(),
            onError: (error) => {
              errors.push(error.data?.code ?? "UNKNOWN");
              reject(error);
            },
          },
        );
      });
    await started();
    await client.customer.list.query({});

    await server.client.token.revoke.mutate({ id });

    const http = await errorOf(client.customer.list.query({}));
    await expect(started()).rejects.toThrow();

    expect(http.data?.code).toBe("UNAUTHORIZED");
    // The new subscription is refused by the per-call check, or, when the
    // revocation notice closes the socket first, by the closing itself
    // (a connection error carries no tRPC code).
    expect(errors.length).toBeGreaterThan(0);
    for (const code of errors) {
      expect(["UNAUTHORIZED", "UNKNOWN"]).toContain(code);
    }
  });

  it("ends running subscriptions of a revoked token", async () => {
    const token = await server.tokenFor("VIEWER", "watching");
    const client = server.clientWith(token);
    const { id } = (await server.client.token.list.query()).find(
      (each) => each.name === "watching",
    )!;
    let onStarted = () => {};
    const started = new Promise<void>((resolve) => (onStarted = resolve));
    const ended = new Promise<string>((resolve) => {
      client.events.onAll.subscribe(
        {},
        {
          onStarted,
          onError: (error) => resolve(error.data?.code ?? "UNKNOWN"),
        },
      );
    });
    await started;

    await server.client.token.revoke.mutate({ id });

    expect(await ended).toBe("UNAUTHORIZED");
  });

  it("lets no token revoke itself", async () => {
    const token = await server.tokenFor("ADMIN", "self revoker");
    const client = server.clientWith(token);
    const { id } = (await client.token.list.query()).find(
      (each) => each.name === "self revoker",
    )!;

    const error = await errorOf(client.token.revoke.mutate({ id }));

    expect(error.data?.code).toBe("CONFLICT");
  });
});

describe("the audit log", () => {
  it("records who created, changed and revoked what", async () => {
    const user = await server.client.user.create.mutate({
      email: "audited@rally.test",
      name: "Audited",
      password: "audited password",
    });
    await server.client.user.update.mutate({ id: user.id, role: "VIEWER" });
    const token = await server.client.token.create.mutate({
      name: "audited",
      role: "STAFF",
    });
    await server.client.token.revoke.mutate({ id: token.id });

    const { items } = await server.client.audit.list.query({ limit: 10 });
    const actions = items.map((entry) => [entry.action, entry.subject]);

    expect(actions.slice(0, 4)).toEqual([
      ["token.revoke", `token:${token.id}`],
      ["token.create", `token:${token.id}`],
      ["user.update", `user:${user.id}`],
      ["user.create", `user:${user.id}`],
    ]);
    expect(items[0]).toMatchObject({ actorKind: "token", actorId: null });
    expect(items[2]?.data).toMatchObject({ fields: ["role"], role: "VIEWER" });
  });

  it("names the person behind a session", async () => {
    const cookie = await sessionCookieFor(testAdmin.email, testAdmin.password);
    const { items } = await server.client.audit.list.query({
      action: "auth.login",
      limit: 1,
    });

    expect(cookie).toBeDefined();
    expect(items[0]).toMatchObject({
      actorKind: "user",
      actor: { id: server.admin.id, email: testAdmin.email },
    });
  });
});
