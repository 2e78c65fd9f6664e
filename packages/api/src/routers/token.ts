import { z } from "zod";

import { id, tokenCreateInput } from "../schemas.ts";
import {
  createApiToken,
  issuerIdOf,
  listApiTokens,
  revokeApiToken,
} from "../services/api-tokens.ts";
import { adminProcedure, router } from "../trpc.ts";

export const tokenRouter = router({
  list: adminProcedure.query(({ ctx }) => listApiTokens(ctx.db)),
  /** Returns the secret once; only its digest is stored. */
  create: adminProcedure
    .input(tokenCreateInput)
    .mutation(async ({ ctx, input }) => {
      const createdById = await issuerIdOf(ctx.db, ctx.actor);

      return createApiToken(ctx.db, { ...input, createdById }, ctx.actor);
    }),
  revoke: adminProcedure
    .input(z.strictObject({ id }))
    .mutation(({ ctx, input }) =>
      revokeApiToken(ctx.db, ctx.clock, ctx.actor, input.id),
    ),
});
