import { createTemplate } from "../../services/templates/templates.ts";
import { staffProcedure } from "../../trpc.ts";
import { templateFields } from "./schema.ts";

export const create = staffProcedure
  .input(templateFields)
  .mutation(({ ctx, input }) => createTemplate(ctx, input));
