import { z } from "zod";

import { instant } from "../../schemas.ts";

import { dashboardSummary } from "../../services/dashboard/summary.ts";
import { viewerProcedure } from "../../trpc.ts";

export const dashboardSummaryInput = z
  .strictObject({ from: instant.optional(), to: instant.optional() })
  .default({});

export const summary = viewerProcedure
  .input(dashboardSummaryInput)
  .query(({ ctx, input }) => dashboardSummary(ctx, input));
