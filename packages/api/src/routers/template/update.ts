import { z } from "zod";

import { id } from "../../schemas.ts";
import { updateTemplate } from "../../services/templates/templates.ts";
import { staffProcedure } from "../../trpc.ts";
import { templateFields } from "./schema.ts";

export const templateUpdateInput = z.object({
  id,
  name: templateFields.shape.name.optional(),
  kind: templateFields.shape.kind.unwrap().optional(),
  subject: templateFields.shape.subject.optional(),
  html: templateFields.shape.html.optional(),
  text: templateFields.shape.text,
});

export const update = staffProcedure
  .input(templateUpdateInput)
  .mutation(({ ctx, input: { id, ...changes } }) =>
    updateTemplate(ctx, id, changes),
  );
