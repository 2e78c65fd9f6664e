import { listRules } from "../../services/rules/rules.ts";
import { viewerProcedure } from "../../trpc.ts";
import { ruleListInput } from "./schemas.ts";

export const list = viewerProcedure
  .input(ruleListInput)
  .query(({ ctx, input }) => listRules(ctx.db, input));
