import {
  parseCohortCursor,
  previewCohort,
} from "../../services/cohort/preview.ts";
import { viewerProcedure } from "../../trpc.ts";
import { cohortPreviewInput } from "./schemas.ts";

export const preview = viewerProcedure
  .input(cohortPreviewInput)
  .query(({ ctx, input }) =>
    previewCohort(ctx.db, {
      target: input.criteria
        ? { criteria: input.criteria }
        : { ruleId: input.ruleId! },
      asOf: input.asOf ?? ctx.clock.now(),
      cursor: input.cursor ? parseCohortCursor(input.cursor) : undefined,
      limit: input.limit,
    }),
  );
