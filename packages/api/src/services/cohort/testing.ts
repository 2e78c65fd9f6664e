/** The cohort evaluator one vehicle at a time, for brute-force checks. */
export { evaluateVehicle } from "./conditions.ts";
export { loadVehicleFacts } from "./facts.ts";
export { addMonths, localDateOf, startOfLocalDay } from "./calendar.ts";
