import { router } from "../../trpc.ts";
import { summary } from "./summary.ts";

export const dashboardRouter = router({ summary });
