import { z } from "zod";

import { id } from "../../schemas.ts";
import { getRule } from "../../services/rules/rules.ts";
import { viewerProcedure } from "../../trpc.ts";

export const get = viewerProcedure
  .input(z.strictObject({ id }))
  .query(({ ctx, input }) => getRule(ctx.db, input.id));
