import { campaignEmailsInput } from "../../schemas.ts";
import { listCampaignEmails } from "../../services/campaigns/emails.ts";
import { viewerProcedure } from "../../trpc.ts";

/** Each recipient's email, its status and when it changed, page by page. */
export const emails = viewerProcedure
  .input(campaignEmailsInput)
  .query(({ ctx, input }) => listCampaignEmails(ctx.db, input));
