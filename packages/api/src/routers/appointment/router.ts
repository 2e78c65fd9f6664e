import { router } from "../../trpc.ts";
import { cancel } from "./cancel.ts";
import { complete } from "./complete.ts";
import { create } from "./create.ts";
import { list } from "./list.ts";
import { noShow } from "./no-show.ts";
import { slots } from "./slots.ts";
import { update } from "./update.ts";

export const appointmentRouter = router({
  create,
  list,
  update,
  cancel,
  complete,
  noShow,
  slots,
});
