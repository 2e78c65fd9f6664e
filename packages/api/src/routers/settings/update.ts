import { updateShopSettings } from "../../services/settings/settings.ts";
import { settingsUpdateInput } from "../../settings-schemas.ts";
import { adminProcedure } from "../../trpc.ts";
import { withEmailProvider } from "./get.ts";

/** Changes the given settings; every console hears of it. */
export const settingsUpdate = adminProcedure
  .input(settingsUpdateInput)
  .mutation(async ({ ctx, input }) =>
    withEmailProvider(await updateShopSettings(ctx.db, ctx.actor, input), ctx),
  );
