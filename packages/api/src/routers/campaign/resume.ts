import { z } from "zod";

import { id } from "../../schemas.ts";
import { resumeCampaign } from "../../services/campaigns/control.ts";
import { staffProcedure } from "../../trpc.ts";

export const resume = staffProcedure
  .input(z.strictObject({ id }))
  .mutation(({ ctx, input }) => resumeCampaign(ctx, input.id));
