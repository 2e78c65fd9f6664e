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
  const rows: {
    id: number;
    name: string;
    kind: (typeof rules)[number]["kind"];
    due: number | null;
    eligible: number | null;
    /** Why the rule cannot be counted now (its saved filters no longer read). */
    problem: string | null;
  }[] = [];
  for (const rule of rules) {
    const preview = await previewCohort(db, {
      target: { ruleId: rule.id },
      asOf,
      limit: 1,
    }).catch((error: unknown) => {
      // One broken rule leaves the others on the front page.
      if (error instanceof DomainError && error.code === "INVALID_STATE") {
        return error;
      }
      throw error;
    });
    rows.push(
      preview instanceof DomainError
        ? { ...rule, due: null, eligible: null, problem: preview.message }
        : { ...rule, due: preview.due, eligible: preview.total, problem: null },
    );
  }

  return rows;
}
