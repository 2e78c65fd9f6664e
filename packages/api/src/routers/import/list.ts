import { listImportJobs } from "../../services/import/jobs.ts";
import { viewerProcedure } from "../../trpc.ts";
import { importListInput } from "./schemas.ts";

/** Newest first. */
export const list = viewerProcedure
  .input(importListInput)
  .query(({ ctx, input }) => listImportJobs(ctx.db, input));
