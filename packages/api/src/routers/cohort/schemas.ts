import { z } from "zod";

import { limits } from "../../limits.ts";
import { id } from "../../schemas.ts";
import { cohortCriteriaInput } from "../rule/schemas.ts";

export const cohortPreviewInput = z
  .object({
    ruleId: id.optional(),
    criteria: cohortCriteriaInput.optional(),
    asOf: z.date().optional(),
    cursor: z.string().max(40).optional(),
    limit: z
      .number()
      .int()
      .min(1)
      .max(limits.pageSize.max)
      .default(limits.pageSize.default),
  })
  .refine((input) => (input.ruleId === undefined) !== !input.criteria, {
    message: "give either ruleId or criteria",
    path: ["ruleId"],
  });

export const cohortExplainInput = z.object({
  ruleId: id,
  vehicleId: id,
  asOf: z.date().optional(),
});
