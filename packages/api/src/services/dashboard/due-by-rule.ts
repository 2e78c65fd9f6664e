import type { Database } from "@rally/db";

import { DomainError } from "../../errors.ts";
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
    rows.push({ ...rule, ...(await countsOf(db, rule.id, asOf)) });
  }

  return rows;
}

/** One rule's counts, or why it cannot be counted (`problem`). */
async function countsOf(db: Database, ruleId: number, asOf: Date) {
  try {
    const preview = await previewCohort(db, {
      target: { ruleId },
      asOf,
      limit: 1,
    });

    return { due: preview.due, eligible: preview.total, problem: null };
  } catch (error) {
    // Its saved filters no longer read: the other rules still show.
    if (error instanceof DomainError && error.code === "INVALID_STATE") {
      return { due: null, eligible: null, problem: error.message };
    }
    throw error;
  }
}
