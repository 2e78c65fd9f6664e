import { previewTemplate } from "../../services/templates/templates.ts";
import { viewerProcedure } from "../../trpc.ts";
import { templatePreviewInput } from "./schema.ts";

export const preview = viewerProcedure
  .input(templatePreviewInput)
  .query(({ ctx, input }) =>
    previewTemplate({ ...ctx, now: ctx.clock.now() }, input),
  );
