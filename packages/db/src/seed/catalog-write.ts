import type { Database } from "../database.ts";
import {
  demoRules,
  demoServiceTypes,
  demoShop,
  demoTemplates,
  type DemoTemplateKey,
} from "./catalog.ts";

/**
 * Writes settings, service types, templates and rules. Service types are
 * matched by key, so types a shop already made are reused, not duplicated.
 */
export async function writeCatalog(db: Database) {
  await db.prisma.shopSettings.upsert({
    where: { id: 1 },
    create: { id: 1, ...demoShop },
    update: demoShop,
  });
  const typeIds: number[] = [];
  for (const type of demoServiceTypes) {
    const row = await db.prisma.serviceType.upsert({
      where: { key: type.key },
      create: {
        key: type.key,
        name: type.name,
        defaultCadenceMonths: type.defaultCadenceMonths,
      },
      update: {},
      select: { id: true },
    });
    typeIds.push(row.id);
  }
  const templateIds = await writeTemplates(db);
  for (const rule of demoRules) {
    const { serviceTypeKey, templateKey, declinedOffsetsDays, ...fields } =
      rule;
    const typeIndex = demoServiceTypes.findIndex(
      (type) => type.key === serviceTypeKey,
    );
    await db.prisma.rule.create({
      data: {
        ...fields,
        serviceTypeId: typeIds[typeIndex]!,
        templateId: templateIds[templateKey],
        declinedOffsetsDays: declinedOffsetsDays ?? [],
      },
    });
  }

  return {
    typeIds,
    templates: Object.keys(templateIds).length,
    rules: demoRules.length,
  };
}

async function writeTemplates(db: Database) {
  const ids = {} as Record<DemoTemplateKey, number>;
  for (const [key, template] of Object.entries(demoTemplates)) {
    const row = await db.prisma.template.create({
      data: { ...template, kind: "MARKETING" },
      select: { id: true },
    });
    ids[key as DemoTemplateKey] = row.id;
  }

  return ids;
}
