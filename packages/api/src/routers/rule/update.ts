import { updateRule } from "../../services/rules/rules.ts";
import { staffProcedure } from "../../trpc.ts";
import { ruleUpdateInput } from "./schemas.ts";

export const update = staffProcedure
  .input(ruleUpdateInput)
  .mutation(({ ctx, input }) => updateRule(ctx.db, input));
