import { getImportJob } from "../../services/import/jobs.ts";
import { viewerProcedure } from "../../trpc.ts";
import { importGetInput } from "./schemas.ts";

export const get = viewerProcedure
  .input(importGetInput)
  .query(({ ctx, input }) => getImportJob(ctx.db, input.id));
