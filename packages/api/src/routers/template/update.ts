import { updateTemplate } from "../../services/templates/templates.ts";
import { staffProcedure } from "../../trpc.ts";
import { templateUpdateInput } from "./schema.ts";

export const update = staffProcedure
  .input(templateUpdateInput)
  .mutation(({ ctx, input: { id, ...changes } }) =>
    updateTemplate(ctx, id, changes),
  );
