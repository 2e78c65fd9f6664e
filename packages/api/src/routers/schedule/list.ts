import { scheduleListInput } from "../../schedule-schemas.ts";
import { listScheduledCampaigns } from "../../services/scheduling/one-off.ts";
import { viewerProcedure } from "../../trpc.ts";

export const scheduleList = viewerProcedure
  .input(scheduleListInput)
  .query(({ ctx, input }) => listScheduledCampaigns(ctx.db, input));
