import { campaignEmailsInput } from "../../schemas.ts";
import { listCampaignEmails } from "../../services/campaigns/emails.ts";
import { viewerProcedure } from "../../trpc.ts";

export const emails = viewerProcedure
  .input(campaignEmailsInput)
  .query(({ ctx, input }) => listCampaignEmails(ctx.db, input));
