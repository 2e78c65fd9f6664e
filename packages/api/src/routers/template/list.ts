import { z } from "zod";

import { pageInput } from "../../schemas.ts";
import { listTemplates } from "../../services/templates/templates.ts";
import { viewerProcedure } from "../../trpc.ts";

export const list = viewerProcedure
  .input(pageInput.extend({ isArchived: z.boolean().default(false) }))
  .query(({ ctx, input }) => listTemplates(ctx.db, input));
