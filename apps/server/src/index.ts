export { createRallyServer, type RallyServer } from "./app.ts";
export {
  defaultWorkers,
  startServices,
  startWorkers,
  stopWorkers,
  type Worker,
} from "./runtime.ts";
export { loadConfig } from "./config.ts";
