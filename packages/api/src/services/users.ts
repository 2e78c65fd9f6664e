import type { Database, Prisma } from "@rally/db";

import type { Actor, Role } from "../context.ts";
import { DomainError, notFound } from "../errors.ts";
import type { Clock } from "../clock.ts";
import { audit, systemActor } from "./audit.ts";
import { announceCredentialChange } from "./credential-changes.ts";
import { hashPassword } from "./passwords.ts";

export const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  createdAt: true,
} as const satisfies Prisma.UserSelect;

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: Role;
}

/** Creates a staff account; the CLI and first start call it too. */
export async function createUser(
  db: Database,
  input: NewUser,
  actor: Actor = systemActor,
) {
  const passwordHash = await hashPassword(input.password);

  return db.prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        email: input.email.toLowerCase(),
        name: input.name,
        role: input.role,
        passwordHash,
      },
      select: userSelect,
    });
    await audit(tx, actor, "user.create", `user:${user.id}`, {
      role: user.role,
    });

    return user;
  });
}

export function listUsers(db: Database) {
  return db.prisma.user.findMany({
    select: userSelect,
    orderBy: { id: "asc" },
  });
}

export interface UserChanges {
  id: number;
  name?: string | undefined;
  role?: Role | undefined;
  password?: string | undefined;
  isDisabled?: boolean | undefined;
}

export async function updateUser(
  db: Database,
  clock: Clock,
  actor: Actor,
  { id, password, isDisabled, ...changes }: UserChanges,
) {
  assertNotLockingOutSelf(actor, id, changes.role, isDisabled);
  const passwordHash = password ? await hashPassword(password) : undefined;

  return db.prisma.$transaction(async (tx) => {
    const found = await tx.user.findUnique({
      where: { id },
      select: { id: true },
    });
    if (!found) {
      throw notFound("user", id, "id");
    }
    const user = await tx.user.update({
      where: { id },
      data: {
        ...changes,
        ...(passwordHash ? { passwordHash } : {}),
        ...(isDisabled === undefined
          ? {}
          : { disabledAt: isDisabled ? clock.now() : null }),
      },
      select: userSelect,
    });
    // A new password or a lost account ends every session it had.
    if (passwordHash || isDisabled) {
      await tx.session.deleteMany({ where: { userId: id } });
    }
    if (passwordHash || isDisabled || changes.role) {
      await announceCredentialChange(tx);
    }
    await audit(tx, actor, "user.update", `user:${id}`, {
      fields: [
        ...Object.keys(changes),
        ...(passwordHash ? ["password"] : []),
        ...(isDisabled === undefined ? [] : ["isDisabled"]),
      ],
      ...(changes.role ? { role: changes.role } : {}),
      ...(isDisabled === undefined ? {} : { isDisabled }),
    });

    return user;
  });
}

export function disableUser(
  db: Database,
  clock: Clock,
  actor: Actor,
  id: number,
) {
  return updateUser(db, clock, actor, { id, isDisabled: true });
}

/** An admin cannot demote or disable themself, so one admin always remains. */
function assertNotLockingOutSelf(
  actor: Actor,
  id: number,
  role: Role | undefined,
  isDisabled: boolean | undefined,
) {
  const isSelf = actor.kind === "user" && actor.id === id;
  if (isSelf && isDisabled) {
    throw new DomainError("INVALID_STATE", "you cannot disable yourself", "id");
  }
  if (isSelf && role && role !== "ADMIN") {
    throw new DomainError(
      "INVALID_STATE",
      `you cannot change your own role to ${role}`,
      "role",
    );
  }
}

export async function getUser(db: Database, id: number) {
  const user = await db.prisma.user.findUnique({
    where: { id },
    select: userSelect,
  });
  if (!user) {
    throw notFound("user", id, "id");
  }

  return user;
}
