import { z } from "zod";

import { id, instant, pageInput } from "../../schemas.ts";
import { cohortCriteriaInput } from "../rule/schemas.ts";

export const cohortPreviewInput = z
  .strictObject({
    ruleId: id.optional(),
    criteria: cohortCriteriaInput.optional(),
    asOf: instant.optional(),
    cursor: z.string().max(40).optional(),
    limit: pageInput.shape.limit,
  })
  .refine((input) => (input.ruleId === undefined) !== !input.criteria, {
    message: "give either ruleId or criteria",
    path: ["ruleId"],
  });

export const cohortExplainInput = z.strictObject({
  ruleId: id,
  vehicleId: id,
  asOf: instant.optional(),
});
