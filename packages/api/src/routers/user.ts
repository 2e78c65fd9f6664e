import { z } from "zod";

import { id, userCreateInput, userUpdateInput } from "../schemas.ts";
import {
  createUser,
  disableUser,
  listUsers,
  updateUser,
} from "../services/users.ts";
import { adminProcedure, router } from "../trpc.ts";

export const userRouter = router({
  list: adminProcedure.query(({ ctx }) => listUsers(ctx.db)),
  create: adminProcedure
    .input(userCreateInput)
    .mutation(({ ctx, input }) => createUser(ctx.db, input, ctx.actor)),
  update: adminProcedure
    .input(userUpdateInput)
    .mutation(({ ctx, input }) =>
      updateUser(ctx.db, ctx.clock, ctx.actor, input),
    ),
  /** Ends the account's sessions and refuses its sign-ins. */
  disable: adminProcedure
    .input(z.strictObject({ id }))
    .mutation(({ ctx, input }) =>
      disableUser(ctx.db, ctx.clock, ctx.actor, input.id),
    ),
});
