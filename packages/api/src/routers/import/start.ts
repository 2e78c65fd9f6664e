import { Readable } from "node:stream";

import { startImport } from "../../services/import/run.ts";
import { staffProcedure } from "../../trpc.ts";
import { importStartInput } from "./schemas.ts";

/**
 * Checks the header and mapping, creates the job and returns it at once;
 * the rows load in the background and report through `import.progress`.
 */
export const start = staffProcedure
  .input(importStartInput)
  .mutation(async ({ ctx, input }) => {
    const { job } = await startImport(ctx, {
      kind: input.kind,
      fileName: input.fileName,
      source: () => Readable.from([input.content]),
      mapping: input.mapping,
      isDryRun: input.dryRun,
      dateOrder: input.dateOrder,
    });

    return job;
  });
