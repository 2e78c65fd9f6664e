import type { Database, Prisma } from "@rally/db";

import type { Actor, Role } from "../context.ts";
import type { Clock } from "../clock.ts";
import { DomainError, notFound } from "../errors.ts";
import { audit, systemActor } from "./audit.ts";
import { announceCredentialChange } from "./credential-changes.ts";
import { digestOf, randomSecret } from "./secrets.ts";

export const apiTokenSelect = {
  id: true,
  name: true,
  role: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { id: true, email: true, name: true } },
} as const satisfies Prisma.ApiTokenSelect;

const tokenPrefix = "rally_";

/** Writing lastUsedAt on every call would turn each read into a write. */
const lastUsedPrecisionMs = 60_000;

export interface NewApiToken {
  name: string;
  role: Role;
  /** The admin it is issued by. */
  createdById: number;
}

/**
 * Issues a token. The secret is returned here once and only its digest is
 * kept, so a lost token is revoked and replaced, never recovered.
 */
export async function createApiToken(
  db: Database,
  input: NewApiToken,
  actor: Actor = systemActor,
) {
  const token = randomSecret(tokenPrefix);

  return db.prisma.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { ...input, tokenHash: digestOf(token) },
      select: apiTokenSelect,
    });
    await audit(tx, actor, "token.create", `token:${created.id}`, {
      role: created.role,
    });

    return { ...created, token };
  });
}

export function listApiTokens(db: Database) {
  return db.prisma.apiToken.findMany({
    select: apiTokenSelect,
    orderBy: { id: "asc" },
  });
}

export async function revokeApiToken(
  db: Database,
  clock: Clock,
  actor: Actor,
  id: number,
) {
  if (actor.kind === "token" && actor.id === id) {
    throw new DomainError(
      "INVALID_STATE",
      "a token cannot revoke itself; use another admin credential",
      "id",
    );
  }

  return db.prisma.$transaction(async (tx) => {
    const found = await tx.apiToken.findUnique({
      where: { id },
      select: { revokedAt: true },
    });
    if (!found) {
      throw notFound("token", id, "id");
    }
    const token = await tx.apiToken.update({
      where: { id },
      data: { revokedAt: found.revokedAt ?? clock.now() },
      select: apiTokenSelect,
    });
    await audit(tx, actor, "token.revoke", `token:${id}`);
    await announceCredentialChange(tx);

    return token;
  });
}

/** The caller behind a bearer token, if it is one of ours and not revoked. */
export async function actorForApiToken(
  db: Database,
  clock: Clock,
  token: string,
): Promise<Actor | null> {
  if (!token.startsWith(tokenPrefix)) {
    return null;
  }
  const found = await db.prisma.apiToken.findUnique({
    where: { tokenHash: digestOf(token) },
    select: { id: true, role: true, revokedAt: true, lastUsedAt: true },
  });
  if (!found || found.revokedAt) {
    return null;
  }
  const now = clock.now();
  const isStale =
    !found.lastUsedAt ||
    now.getTime() - found.lastUsedAt.getTime() >= lastUsedPrecisionMs;
  if (isStale) {
    await db.prisma.apiToken.updateMany({
      where: { id: found.id, revokedAt: null },
      data: { lastUsedAt: now },
    });
  }

  return { kind: "token", id: found.id, role: found.role };
}

/**
 * The person a new token is issued under: the signed-in admin, or for an
 * admin token the person who issued that token.
 */
export async function issuerIdOf(db: Database, actor: Actor) {
  if (actor.kind === "user" && actor.id !== null) {
    return actor.id;
  }
  const issuer =
    actor.kind === "token" && actor.id !== null
      ? await db.prisma.apiToken.findUnique({
          where: { id: actor.id },
          select: { createdById: true },
        })
      : null;
  if (!issuer) {
    throw new DomainError(
      "FORBIDDEN",
      "tokens are issued by a staff account; use the CLI",
    );
  }

  return issuer.createdById;
}
