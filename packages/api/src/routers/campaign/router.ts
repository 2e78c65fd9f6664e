import { router } from "../../trpc.ts";
import { funnel } from "./funnel.ts";

export const campaignRouter = router({ funnel });
