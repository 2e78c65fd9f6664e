import type { Database } from "@rally/db";

import { previewCohort } from "../cohort/preview.ts";

/**
 * The front page shows this many active rules; a shop with more sees the
 * oldest ones and finds the rest on the rules page.
 */
const shownRules = 20;

/**
 * For each active rule, how many vehicles are due at `asOf` and how many
 * of them a campaign sent now would email (the cohort preview's totals).
 * One cohort query per rule, run one after another so a shop with many
 * rules does not take every database connection at once.
 */
export async function dueVehiclesByRule(db: Database, asOf: Date) {
  const rules = await db.prisma.rule.findMany({
    where: { archivedAt: null },
    select: { id: true, name: true, kind: true },
    orderBy: { id: "asc" },
    take: shownRules,
  });
  const rows = [];
  for (const rule of rules) {
    const preview = await previewCohort(db, {
      target: { ruleId: rule.id },
      asOf,
      limit: 1,
    });
    rows.push({ ...rule, due: preview.due, eligible: preview.total });
  }

  return rows;
}
