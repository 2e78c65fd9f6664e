import type { Database, Prisma } from "@rally/db";
import type { z } from "zod";

import { DomainError, notFound } from "../../errors.ts";
import { recordEvents } from "../../events/record.ts";
import type {
  ruleCreateInput,
  ruleListInput,
  ruleUpdateInput,
} from "../../routers/rule/schemas.ts";
import { serviceTypeSelect } from "../service-types.ts";

export const ruleSelect = {
  id: true,
  name: true,
  kind: true,
  serviceTypeId: true,
  cadenceMonths: true,
  mileageInterval: true,
  includeNeverServiced: true,
  templateId: true,
  filters: true,
  declinedOffsetsDays: true,
  archivedAt: true,
  createdAt: true,
  updatedAt: true,
  serviceType: { select: serviceTypeSelect },
} as const satisfies Prisma.RuleSelect;

/** Campaign states in which a rule's cohort is still being emailed. */
export const inFlightCampaignStatuses = [
  "QUEUED",
  "SENDING",
  "PAUSED",
] as const;

export async function createRule(
  db: Database,
  input: z.output<typeof ruleCreateInput>,
) {
  await assertReferencesExist(db, input);

  return db.prisma.$transaction(async (tx) => {
    const rule = await tx.rule.create({
      data: { ...input, filters: input.filters as Prisma.InputJsonValue },
      select: ruleSelect,
    });
    await recordRuleChange(tx, rule.id, "created");

    return rule;
  });
}

export async function getRule(db: Database, id: number) {
  const rule = await db.prisma.rule.findUnique({
    where: { id },
    select: ruleSelect,
  });
  if (!rule) {
    throw notFound("rule", id, "id");
  }

  return rule;
}

export async function listRules(
  db: Database,
  input: z.output<typeof ruleListInput>,
) {
  const rows = await db.prisma.rule.findMany({
    where: { archivedAt: input.isArchived ? { not: null } : null },
    select: ruleSelect,
    orderBy: { id: "asc" },
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const hasMore = rows.length > input.limit;
  const items = hasMore ? rows.slice(0, input.limit) : rows;

  return { items, nextCursor: hasMore ? items.at(-1)?.id : undefined };
}

export async function updateRule(
  db: Database,
  { id, ...changes }: z.output<typeof ruleUpdateInput>,
) {
  const current = await getRule(db, id);
  if (current.archivedAt) {
    throw new DomainError(
      "INVALID_STATE",
      `rule ${id} is archived; archived rules keep their history unchanged`,
      "id",
    );
  }
  const kind = changes.kind ?? current.kind;
  const offsets = changes.declinedOffsetsDays ?? current.declinedOffsetsDays;
  if (kind === "DECLINED_WORK" && offsets.length === 0) {
    throw new DomainError(
      "INVALID_INPUT",
      "a declined-work rule needs at least one offset in days",
      "declinedOffsetsDays",
    );
  }
  await assertReferencesExist(db, changes);

  return db.prisma.$transaction(async (tx) => {
    const rule = await tx.rule.update({
      where: { id },
      data: {
        ...changes,
        filters: changes.filters as Prisma.InputJsonValue | undefined,
      },
      select: ruleSelect,
    });
    await recordRuleChange(tx, id, "updated");

    return rule;
  });
}

/**
 * Archiving hides a rule from lists and schedules but keeps its campaigns
 * and recipients. A campaign still sending would lose its rule mid-run, so
 * that is refused.
 */
export async function archiveRule(db: Database, id: number, now: Date) {
  return db.prisma.$transaction(async (tx) => {
    const rule = await tx.rule.findUnique({
      where: { id },
      select: { id: true, archivedAt: true },
    });
    if (!rule) {
      throw notFound("rule", id, "id");
    }
    const inFlight = await tx.campaign.findFirst({
      where: { ruleId: id, status: { in: [...inFlightCampaignStatuses] } },
      select: { id: true, status: true },
      orderBy: { id: "asc" },
    });
    if (inFlight) {
      throw new DomainError(
        "CONFLICT",
        `rule ${id} has campaign ${inFlight.id} in flight ` +
          `(${inFlight.status}); finish or cancel it first`,
        "id",
      );
    }

    const archived = await tx.rule.update({
      where: { id },
      data: { archivedAt: rule.archivedAt ?? now },
      select: ruleSelect,
    });
    if (!rule.archivedAt) {
      await recordRuleChange(tx, id, "archived");
    }

    return archived;
  });
}

function recordRuleChange(
  tx: Prisma.TransactionClient,
  ruleId: number,
  change: "created" | "updated" | "archived",
) {
  return recordEvents(tx, [
    { type: "rule.changed", payload: { ruleId, change } },
  ]);
}

async function assertReferencesExist(
  db: Database,
  refs: { serviceTypeId?: number | undefined; templateId?: number | null },
) {
  const [serviceTypes, template] = await Promise.all([
    refs.serviceTypeId === undefined
      ? 1
      : db.prisma.serviceType.count({ where: { id: refs.serviceTypeId } }),
    refs.templateId == null
      ? null
      : db.prisma.template.findUnique({
          where: { id: refs.templateId },
          select: { archivedAt: true },
        }),
  ]);
  if (serviceTypes === 0) {
    throw notFound("service type", refs.serviceTypeId, "serviceTypeId");
  }
  if (refs.templateId == null) {
    return;
  }
  if (!template) {
    throw notFound("template", refs.templateId, "templateId");
  }
  if (template.archivedAt) {
    throw new DomainError(
      "INVALID_STATE",
      `template ${refs.templateId} is archived; choose a current one`,
      "templateId",
    );
  }
}
