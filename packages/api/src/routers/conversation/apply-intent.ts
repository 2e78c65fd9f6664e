import { applyIntent as apply } from "../../services/conversations/apply-intent.ts";
import { staffProcedure } from "../../trpc.ts";
import { applyIntentInput } from "./schemas.ts";

export const applyIntent = staffProcedure
  .input(applyIntentInput)
  .mutation(({ ctx, input }) => apply(ctx, input));
