import { DomainError } from "../errors.ts";
import { loginInput } from "../schemas.ts";
import { signIn, signOut } from "../services/sessions.ts";
import { publicProcedure, router, viewerProcedure } from "../trpc.ts";
import { getUser } from "../services/users.ts";

export const authRouter = router({
  /** Signs in with email and password; the session rides in a cookie. */
  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const http = ctx.http;
    if (!http) {
      throw new DomainError("INVALID_STATE", "sign in over HTTP");
    }
    const email = input.email.toLowerCase();
    await ctx.loginThrottle.assertAllowed(http.ip, email);
    try {
      const session = await signIn(ctx.db, ctx.clock, { ...input, email });
      await ctx.loginThrottle.succeeded(http.ip, email);
      http.setSessionCookie(session.sessionToken, session.expiresAt);

      return { user: session.user, expiresAt: session.expiresAt };
    } catch (error) {
      await ctx.loginThrottle.failed(http.ip, email);
      throw error;
    }
  }),
  /** Ends this browser's session; harmless when there is none. */
  logout: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.http?.sessionToken) {
      await signOut(ctx.db, ctx.http.sessionToken);
    }
    ctx.http?.clearSessionCookie();

    return { isSignedOut: true };
  }),
  /** Who the caller is: a person (with their account) or a token. */
  me: viewerProcedure.query(async ({ ctx }) => ({
    kind: ctx.actor.kind,
    role: ctx.actor.role,
    user:
      ctx.actor.kind === "user" && ctx.actor.id !== null
        ? await getUser(ctx.db, ctx.actor.id)
        : null,
  })),
});
