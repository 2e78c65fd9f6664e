export { importKinds, type ImportKind } from "./fields.ts";
export type { DateOrder } from "./dates.ts";
export type { CsvSource } from "./csv.ts";
export { getImportJob, listImportJobs } from "./jobs.ts";
export {
  prepareImport,
  runImport,
  startImport,
  type ImportDeps,
  type ImportInput,
} from "./run.ts";
