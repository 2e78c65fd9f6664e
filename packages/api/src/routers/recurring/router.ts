import { router } from "../../trpc.ts";
import { recurringCreate } from "./create.ts";
import { recurringDelete } from "./delete.ts";
import { recurringList } from "./list.ts";
import { recurringPause } from "./pause.ts";
import { recurringResume } from "./resume.ts";
import { recurringRuns } from "./runs.ts";
import { recurringUpdate } from "./update.ts";

export const recurringRouter = router({
  create: recurringCreate,
  update: recurringUpdate,
  pause: recurringPause,
  resume: recurringResume,
  delete: recurringDelete,
  list: recurringList,
  runs: recurringRuns,
});
