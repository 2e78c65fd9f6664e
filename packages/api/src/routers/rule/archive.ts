import { z } from "zod";

import { id } from "../../schemas.ts";
import { archiveRule } from "../../services/rules/rules.ts";
import { staffProcedure } from "../../trpc.ts";

export const archive = staffProcedure
  .input(z.strictObject({ id }))
  .mutation(({ ctx, input }) => archiveRule(ctx.db, input.id, ctx.clock.now()));
