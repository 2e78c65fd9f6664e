import { router } from "../../trpc.ts";
import { create } from "./create.ts";
import { get } from "./get.ts";
import { list } from "./list.ts";
import { preview } from "./preview.ts";
import { update } from "./update.ts";

export const templateRouter = router({ create, update, get, list, preview });
