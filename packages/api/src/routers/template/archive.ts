import { z } from "zod";

import { id } from "../../schemas.ts";
import { archiveTemplate } from "../../services/templates/templates.ts";
import { staffProcedure } from "../../trpc.ts";

export const archive = staffProcedure
  .input(z.strictObject({ id }))
  .mutation(({ ctx, input }) =>
    archiveTemplate(ctx.db, input.id, ctx.clock.now()),
  );
