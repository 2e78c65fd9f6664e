import type { Database, Prisma } from "@rally/db";

import { DomainError, notFound } from "../../errors.ts";
import { loadShop, type ShopProfile } from "../email/shop.ts";
import { customerVariables } from "./customer-variables.ts";
import { renderTemplate, validateTemplate } from "./render.ts";
import { sampleVariables } from "./variables.ts";
import { recipientVariables } from "./recipient-variables.ts";

export const templateSelect = {
  id: true,
  name: true,
  kind: true,
  subject: true,
  html: true,
  text: true,
  archivedAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.TemplateSelect;

export interface TemplateInput {
  name: string;
  kind: "MARKETING" | "TRANSACTIONAL";
  subject: string;
  html: string;
  text?: string | null | undefined;
}

interface TemplateDeps {
  db: Database;
  publicUrl: string;
}

async function validate(deps: TemplateDeps, input: TemplateInput) {
  const shop = await loadShop(deps.db);
  validateTemplate(
    { ...input, text: input.text ?? null },
    sampleVariables(shop, deps.publicUrl),
  );
}

export async function createTemplate(deps: TemplateDeps, input: TemplateInput) {
  await validate(deps, input);

  return deps.db.prisma.template.create({
    data: { ...input, text: input.text ?? null },
    select: templateSelect,
  });
}

export async function updateTemplate(
  deps: TemplateDeps,
  id: number,
  changes: Partial<TemplateInput>,
) {
  const current = await getTemplate(deps.db, id);
  await validate(deps, { ...current, ...changes });

  return deps.db.prisma.template.update({
    where: { id },
    data: changes,
    select: templateSelect,
  });
}

/**
 * Archiving keeps a template for the campaigns that already use it, but no
 * new campaign, schedule or rule may choose it.
 */
export async function archiveTemplate(db: Database, id: number, now: Date) {
  const current = await getTemplate(db, id);

  return db.prisma.template.update({
    where: { id },
    data: { archivedAt: current.archivedAt ?? now },
    select: templateSelect,
  });
}

export async function getTemplate(db: Database, id: number) {
  const template = await db.prisma.template.findUnique({
    where: { id },
    select: templateSelect,
  });
  if (!template) {
    throw notFound("template", id, "id");
  }

  return template;
}

export function listTemplates(
  db: Database,
  input: { cursor?: number | undefined; limit: number; isArchived: boolean },
) {
  return db.prisma.template.findMany({
    where: {
      archivedAt: input.isArchived ? { not: null } : null,
      ...(input.cursor ? { id: { gt: input.cursor } } : {}),
    },
    select: templateSelect,
    orderBy: { id: "asc" },
    take: input.limit,
  });
}

/**
 * Renders a template (saved, or a draft being edited) for a real campaign
 * recipient or for the sample customer, exactly as the dispatcher will.
 */
export async function previewTemplate(
  deps: TemplateDeps & { secret: string; now: Date },
  input: {
    templateId?: number | undefined;
    draft?: TemplateInput | undefined;
    recipientId?: number | undefined;
    customerId?: number | undefined;
  },
) {
  const template = input.draft ?? (await templateById(deps.db, input));
  const shop = await loadShop(deps.db);
  const variables = await previewVariables(deps, input, shop);

  return renderTemplate(
    { ...template, text: template.text ?? null },
    variables,
  );
}

interface PreviewFor {
  recipientId?: number | undefined;
  customerId?: number | undefined;
}

function previewVariables(
  deps: TemplateDeps & { secret: string; now: Date },
  input: PreviewFor,
  shop: ShopProfile,
) {
  if (input.recipientId && input.customerId) {
    throw new DomainError(
      "INVALID_INPUT",
      "preview for a recipientId or a customerId, not both",
      "customerId",
    );
  }
  if (input.recipientId) {
    return recipientVariables(deps, input.recipientId, shop);
  }
  if (input.customerId) {
    return customerVariables(deps, input.customerId, shop);
  }

  return sampleVariables(shop, deps.publicUrl);
}

async function templateById(db: Database, input: { templateId?: number }) {
  if (!input.templateId) {
    throw new DomainError(
      "INVALID_INPUT",
      "give a templateId or a draft to preview",
      "templateId",
    );
  }

  return getTemplate(db, input.templateId);
}
