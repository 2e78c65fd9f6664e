import { router } from "../../trpc.ts";
import { cancel } from "./cancel.ts";
import { emails } from "./emails.ts";
import { funnel } from "./funnel.ts";
import { get } from "./get.ts";
import { list } from "./list.ts";
import { pause } from "./pause.ts";
import { resume } from "./resume.ts";
import { send } from "./send.ts";

export const campaignRouter = router({
  send,
  list,
  get,
  emails,
  cancel,
  pause,
  resume,
  funnel,
});
