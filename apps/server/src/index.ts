export { createRallyServer, type RallyServer } from "./app.ts";
export { startServices } from "./runtime.ts";
export { loadConfig } from "./config.ts";
