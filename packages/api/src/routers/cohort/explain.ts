import { explainCohort } from "../../services/cohort/explain.ts";
import { viewerProcedure } from "../../trpc.ts";
import { cohortExplainInput } from "./schemas.ts";

export const explain = viewerProcedure
  .input(cohortExplainInput)
  .query(({ ctx, input }) =>
    explainCohort(ctx.db, {
      ruleId: input.ruleId,
      vehicleId: input.vehicleId,
      asOf: input.asOf ?? ctx.clock.now(),
    }),
  );
