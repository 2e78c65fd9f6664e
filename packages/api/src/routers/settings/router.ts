import { router } from "../../trpc.ts";
import { settingsGet } from "./get.ts";
import { settingsUpdate } from "./update.ts";

export const settingsRouter = router({
  get: settingsGet,
  update: settingsUpdate,
});
