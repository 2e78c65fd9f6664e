import { updateShopSettings } from "../../services/settings/settings.ts";
import { settingsUpdateInput } from "../../settings-schemas.ts";
import { adminProcedure } from "../../trpc.ts";

/** Changes the given settings; every console hears of it. */
export const settingsUpdate = adminProcedure
  .input(settingsUpdateInput)
  .mutation(({ ctx, input }) => updateShopSettings(ctx.db, ctx.actor, input));
