import { router } from "../../trpc.ts";
import { get } from "./get.ts";
import { list } from "./list.ts";
import { start } from "./start.ts";

export const importRouter = router({ start, get, list });
