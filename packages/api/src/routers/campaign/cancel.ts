import { z } from "zod";

import { id } from "../../schemas.ts";
import { cancelCampaign } from "../../services/campaigns/control.ts";
import { staffProcedure } from "../../trpc.ts";

export const cancel = staffProcedure
  .input(z.strictObject({ id }))
  .mutation(({ ctx, input }) => cancelCampaign(ctx, input.id));
