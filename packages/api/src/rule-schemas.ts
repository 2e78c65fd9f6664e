import { z } from "zod";

import { limits } from "./limits.ts";
import { id, pageInput, trimmed } from "./schemas.ts";

export const cohortLimits = {
  mileageInterval: { min: 1, max: 200_000 },
  visitedWithinMonths: { min: 1, max: 240 },
  declinedOffsetDays: { min: 1, max: 3_650 },
  declinedOffsets: 12,
} as const;

const cadenceMonths = z
  .number()
  .int()
  .min(limits.cadenceMonths.min)
  .max(limits.cadenceMonths.max);

const year = z.number().int().min(limits.year.min).max(limits.year.max);

const filterFields = {
  make: trimmed(limits.name).optional(),
  model: trimmed(limits.name).optional(),
  yearMin: year.optional(),
  yearMax: year.optional(),
  visitedWithinMonths: z
    .number()
    .int()
    .min(cohortLimits.visitedWithinMonths.min)
    .max(cohortLimits.visitedWithinMonths.max)
    .optional(),
};

/**
 * A rule's vehicle filters as callers give them. A filter it does not know
 * is refused: dropped, a misspelt one would widen the rule to every
 * vehicle it was meant to leave out.
 */
export const ruleFilters = z
  .strictObject(filterFields)
  .refine(
    (f) =>
      f.yearMin === undefined ||
      f.yearMax === undefined ||
      f.yearMin <= f.yearMax,
    { message: "yearMin is after yearMax", path: ["yearMax"] },
  );

/**
 * Saved filters as read back: a filter that a later version no longer
 * knows is ignored rather than making the rule unreadable.
 */
export const savedRuleFilters = z.object(filterFields);

const declinedOffsetsDays = z
  .array(
    z
      .number()
      .int()
      .min(cohortLimits.declinedOffsetDays.min)
      .max(cohortLimits.declinedOffsetDays.max),
  )
  .max(cohortLimits.declinedOffsets)
  .transform((days) => [...new Set(days)].sort((a, b) => a - b));

/** What decides who is due: a rule's criteria, saved or not. */
export const criteriaFields = {
  kind: z.enum(["SERVICE_DUE", "DECLINED_WORK"]).default("SERVICE_DUE"),
  serviceTypeId: id,
  cadenceMonths,
  mileageInterval: z
    .number()
    .int()
    .min(cohortLimits.mileageInterval.min)
    .max(cohortLimits.mileageInterval.max)
    .nullish()
    .transform((value) => value ?? null),
  includeNeverServiced: z.boolean().default(false),
  filters: ruleFilters.default({}),
  declinedOffsetsDays: declinedOffsetsDays.default([]),
};

function requireOffsetsForDeclinedWork(
  criteria: { kind?: string; declinedOffsetsDays?: number[] },
  context: z.RefinementCtx,
) {
  if (
    criteria.kind === "DECLINED_WORK" &&
    (criteria.declinedOffsetsDays ?? []).length === 0
  ) {
    context.addIssue({
      code: "custom",
      path: ["declinedOffsetsDays"],
      message: "a declined-work rule needs at least one offset in days",
    });
  }
}

export const cohortCriteriaInput = z
  .strictObject(criteriaFields)
  .superRefine(requireOffsetsForDeclinedWork);

export const ruleCreateInput = z
  .strictObject({
    name: trimmed(limits.name),
    templateId: id.nullish(),
    ...criteriaFields,
  })
  .superRefine(requireOffsetsForDeclinedWork);

export const ruleUpdateInput = z.strictObject({
  id,
  name: trimmed(limits.name).optional(),
  templateId: id.nullable().optional(),
  kind: criteriaFields.kind.unwrap().optional(),
  serviceTypeId: id.optional(),
  cadenceMonths: cadenceMonths.optional(),
  mileageInterval: z
    .number()
    .int()
    .min(cohortLimits.mileageInterval.min)
    .max(cohortLimits.mileageInterval.max)
    .nullable()
    .optional(),
  includeNeverServiced: z.boolean().optional(),
  filters: ruleFilters.optional(),
  declinedOffsetsDays: declinedOffsetsDays.optional(),
});

export const ruleListInput = pageInput.extend({
  isArchived: z.boolean().default(false),
});

export type RuleFilters = z.output<typeof ruleFilters>;
export type CohortCriteria = z.output<typeof cohortCriteriaInput>;
