import type { Database, Prisma } from "@rally/db";

import type { Actor } from "../context.ts";

/** Who acts when no person or token does: the CLI, start-up, workers. */
export const systemActor: Actor = { kind: "system", id: null, role: "ADMIN" };

/**
 * Records a staff action in the caller's transaction, so the entry exists
 * exactly when the change does. `action` is dotted, like "campaign.send";
 * `subject` names what was acted on, like "campaign:12"; `data` holds ids
 * and settings, never customer PII or secrets.
 */
export async function audit(
  tx: Prisma.TransactionClient,
  actor: Actor,
  action: string,
  subject: string | null,
  data?: Record<string, unknown>,
) {
  await tx.auditEntry.create({
    data: {
      // Only people are linked as actors; a token's id goes in `data`.
      actorId: actor.kind === "user" ? actor.id : null,
      actorKind: actor.kind,
      action,
      subject,
      data: {
        ...(actor.kind === "token" ? { tokenId: actor.id } : {}),
        ...data,
      } as Prisma.InputJsonValue,
    },
  });
}

export const auditEntrySelect = {
  id: true,
  actorId: true,
  actorKind: true,
  action: true,
  subject: true,
  data: true,
  createdAt: true,
  actor: { select: { id: true, email: true, name: true } },
} as const satisfies Prisma.AuditEntrySelect;

export async function listAuditEntries(
  db: Database,
  input: {
    cursor?: number | undefined;
    limit: number;
    actorId?: number | undefined;
    action?: string | undefined;
  },
) {
  const rows = await db.prisma.auditEntry.findMany({
    where: {
      ...(input.actorId ? { actorId: input.actorId } : {}),
      ...(input.action ? { action: { startsWith: input.action } } : {}),
    },
    select: auditEntrySelect,
    orderBy: { id: "desc" },
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const hasMore = rows.length > input.limit;
  const items = hasMore ? rows.slice(0, input.limit) : rows;

  return { items, nextCursor: hasMore ? items.at(-1)?.id : undefined };
}
