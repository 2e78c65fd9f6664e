import type { Context } from "../../context.ts";
import {
  getShopSettings,
  type ShopSettings,
} from "../../services/settings/settings.ts";
import { viewerProcedure } from "../../trpc.ts";

/**
 * The settings as the console shows them: with the provider this server
 * sends through ("smtp", "simulated"; null: none). That is deployment
 * configuration (RALLY_EMAIL_PROVIDER and the SMTP variables, which hold
 * credentials), so it is shown here and changed only there.
 */
export function withEmailProvider(
  settings: ShopSettings,
  ctx: Pick<Context, "emailProvider">,
) {
  return { ...settings, emailProvider: ctx.emailProvider?.name ?? null };
}

/** The shop's settings, or the defaults it runs with until first saved. */
export const settingsGet = viewerProcedure.query(async ({ ctx }) =>
  withEmailProvider(await getShopSettings(ctx.db), ctx),
);
