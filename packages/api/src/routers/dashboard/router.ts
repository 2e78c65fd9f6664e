import { router } from "../../trpc.ts";
import { dueByRule } from "./due-by-rule.ts";
import { summary } from "./summary.ts";

export const dashboardRouter = router({ summary, dueByRule });
