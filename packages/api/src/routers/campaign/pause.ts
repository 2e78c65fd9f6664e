import { z } from "zod";

import { id } from "../../schemas.ts";
import { pauseCampaign } from "../../services/campaigns/control.ts";
import { staffProcedure } from "../../trpc.ts";

export const pause = staffProcedure
  .input(z.strictObject({ id }))
  .mutation(({ ctx, input }) => pauseCampaign(ctx, input.id));
