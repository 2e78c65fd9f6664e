import { z } from "zod";

import { dashboardSummary } from "../../services/dashboard/summary.ts";
import { viewerProcedure } from "../../trpc.ts";

export const dashboardSummaryInput = z
  .object({ from: z.date().optional(), to: z.date().optional() })
  .default({});

export const summary = viewerProcedure
  .input(dashboardSummaryInput)
  .query(({ ctx, input }) => dashboardSummary(ctx, input));
