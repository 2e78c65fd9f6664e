import type { Prisma } from "@rally/db";

import { DomainError, notFound } from "../../errors.ts";
import {
  savedRuleFilters,
  type CohortCriteria,
} from "../../routers/rule/schemas.ts";

export type { CohortCriteria };

/** Everything one evaluation needs besides the data: what, for whom, when. */
export interface CohortQuery {
  criteria: CohortCriteria;
  /** Null for an unsaved rule, which nobody can have been emailed for. */
  ruleId: number | null;
  asOf: Date;
  timeZone: string;
  frequencyCapDays: number;
}

export async function loadRuleCriteria(
  prisma: Prisma.TransactionClient,
  ruleId: number,
  field = "ruleId",
): Promise<CohortCriteria> {
  const rule = await prisma.rule.findUnique({
    where: { id: ruleId },
    select: {
      kind: true,
      serviceTypeId: true,
      cadenceMonths: true,
      mileageInterval: true,
      includeNeverServiced: true,
      filters: true,
      declinedOffsetsDays: true,
    },
  });
  if (!rule) {
    throw notFound("rule", ruleId, field);
  }
  const filters = savedRuleFilters.safeParse(rule.filters);
  // Filters that no longer read would, dropped, widen the rule to every
  // vehicle: better that the rule stops until someone saves it again.
  if (!filters.success) {
    throw new DomainError(
      "INVALID_STATE",
      `rule ${ruleId}'s saved filters cannot be read; save its filters again`,
      field,
    );
  }

  return { ...rule, filters: filters.data };
}

export async function assertServiceTypeExists(
  prisma: Prisma.TransactionClient,
  serviceTypeId: number,
) {
  const count = await prisma.serviceType.count({
    where: { id: serviceTypeId },
  });
  if (count === 0) {
    throw notFound("service type", serviceTypeId, "criteria.serviceTypeId");
  }
}
