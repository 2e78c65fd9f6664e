import { inspectImport } from "../../services/import/inspect.ts";
import { staffProcedure } from "../../trpc.ts";
import { importInspectInput } from "./schemas.ts";

/** The file's header and the columns the import would read each field from. */
export const inspect = staffProcedure
  .input(importInspectInput)
  .mutation(({ input }) => inspectImport(input.kind, input.content));
