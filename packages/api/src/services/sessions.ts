import type { Database } from "@rally/db";

import type { Actor } from "../context.ts";
import type { Clock } from "../clock.ts";
import { DomainError } from "../errors.ts";
import { audit } from "./audit.ts";
import { verifyPassword } from "./passwords.ts";
import { digestOf, randomSecret } from "./secrets.ts";
import { userSelect } from "./users.ts";

export const sessionLifetimeMs = 14 * 24 * 60 * 60 * 1000;

/** Checks an email and password; returns a new session's secret. */
export async function signIn(
  db: Database,
  clock: Clock,
  input: { email: string; password: string },
) {
  const found = await db.prisma.user.findUnique({
    where: { email: input.email.toLowerCase() },
    select: { ...userSelect, passwordHash: true },
  });
  const isMatch = await verifyPassword(
    found?.passwordHash ?? null,
    input.password,
  );
  if (!found || !isMatch || found.disabledAt) {
    // One message for every case, so it reveals no account's existence.
    throw new DomainError("UNAUTHENTICATED", "wrong email or password");
  }
  const { passwordHash: _, ...user } = found;
  const sessionToken = randomSecret();
  const expiresAt = new Date(clock.now().getTime() + sessionLifetimeMs);
  await db.prisma.$transaction(async (tx) => {
    // Expired sessions go when their owner signs in again, so the table
    // holds about one row per active browser.
    await tx.session.deleteMany({
      where: { userId: user.id, expiresAt: { lte: clock.now() } },
    });
    await tx.session.create({
      data: { id: digestOf(sessionToken), userId: user.id, expiresAt },
    });
    await audit(tx, actorOf(user), "auth.login", `user:${user.id}`);
  });

  return { user, sessionToken, expiresAt };
}

export async function signOut(db: Database, sessionToken: string) {
  await db.prisma.session.deleteMany({ where: { id: digestOf(sessionToken) } });
}

/** The signed-in user behind a session cookie, if it is still good. */
export async function actorForSession(
  db: Database,
  clock: Clock,
  sessionToken: string,
): Promise<Actor | null> {
  const session = await db.prisma.session.findUnique({
    where: { id: digestOf(sessionToken) },
    select: {
      expiresAt: true,
      user: { select: { id: true, role: true, disabledAt: true } },
    },
  });
  if (!session || session.expiresAt <= clock.now() || session.user.disabledAt) {
    return null;
  }

  return actorOf(session.user);
}

function actorOf(user: { id: number; role: Actor["role"] }): Actor {
  return { kind: "user", id: user.id, role: user.role };
}
