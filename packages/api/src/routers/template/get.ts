import { z } from "zod";

import { id } from "../../schemas.ts";
import { getTemplate } from "../../services/templates/templates.ts";
import { viewerProcedure } from "../../trpc.ts";

export const get = viewerProcedure
  .input(z.strictObject({ id }))
  .query(({ ctx, input }) => getTemplate(ctx.db, input.id));
