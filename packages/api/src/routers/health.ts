import { publicProcedure, router } from "../trpc.ts";

export const healthRouter = router({
  check: publicProcedure.query(async ({ ctx }) => {
    await ctx.db.sql.query("SELECT 1");

    return {
      status: "ok" as const,
      database: ctx.db.kind,
      time: ctx.clock.now(),
    };
  }),
});
