import { createRule } from "../../services/rules/rules.ts";
import { staffProcedure } from "../../trpc.ts";
import { ruleCreateInput } from "./schemas.ts";

export const create = staffProcedure
  .input(ruleCreateInput)
  .mutation(({ ctx, input }) => createRule(ctx.db, input));
