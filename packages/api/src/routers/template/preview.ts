import { z } from "zod";

import { id } from "../../schemas.ts";
import { previewTemplate } from "../../services/templates/templates.ts";
import { viewerProcedure } from "../../trpc.ts";
import { templateFields } from "./schema.ts";

/** A saved template or an unsaved draft, for a real recipient or the sample. */
export const templatePreviewInput = z.object({
  templateId: id.optional(),
  draft: templateFields.optional(),
  recipientId: id.optional(),
});

export const preview = viewerProcedure
  .input(templatePreviewInput)
  .query(({ ctx, input }) =>
    previewTemplate({ ...ctx, now: ctx.clock.now() }, input),
  );
