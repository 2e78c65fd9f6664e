import { dueVehiclesByRule } from "../../services/dashboard/due-by-rule.ts";
import { viewerProcedure } from "../../trpc.ts";

export const dueByRule = viewerProcedure.query(({ ctx }) =>
  dueVehiclesByRule(ctx.db, ctx.clock.now()),
);
