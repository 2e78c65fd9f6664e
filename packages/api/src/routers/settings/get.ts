import { getShopSettings } from "../../services/settings/settings.ts";
import { viewerProcedure } from "../../trpc.ts";

/** The shop's settings, or the defaults it runs with until first saved. */
export const settingsGet = viewerProcedure.query(({ ctx }) =>
  getShopSettings(ctx.db),
);
