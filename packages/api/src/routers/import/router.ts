import { router } from "../../trpc.ts";
import { get } from "./get.ts";
import { inspect } from "./inspect.ts";
import { list } from "./list.ts";
import { start } from "./start.ts";

export const importRouter = router({ inspect, start, get, list });
