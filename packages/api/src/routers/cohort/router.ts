import { router } from "../../trpc.ts";
import { explain } from "./explain.ts";
import { preview } from "./preview.ts";

export const cohortRouter = router({ preview, explain });
