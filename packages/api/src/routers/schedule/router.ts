import { router } from "../../trpc.ts";
import { scheduleCancel } from "./cancel.ts";
import { scheduleCreate } from "./create.ts";
import { scheduleGet } from "./get.ts";
import { scheduleList } from "./list.ts";

export const scheduleRouter = router({
  create: scheduleCreate,
  list: scheduleList,
  get: scheduleGet,
  cancel: scheduleCancel,
});
