import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";

import type { Context, Role } from "./context.ts";
import { DomainError, trpcCodeFor } from "./errors.ts";
import { fromDatabaseError } from "./database-errors.ts";
import { assertWellFormedText } from "./well-formed-text.ts";

export interface FieldError {
  path: string;
  message: string;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const fieldErrors = fieldErrorsOf(error);
    const isInternal = error.code === "INTERNAL_SERVER_ERROR";

    return {
      ...shape,
      // An internal error never leaks its message: the caller gets an id
      // to quote, and the log has the rest.
      message: isInternal
        ? `Internal error; quote request id ${ctx?.requestId ?? "unknown"}`
        : fieldErrors.length > 0
          ? fieldErrors.map((f) => `${f.path}: ${f.message}`).join("; ")
          : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        requestId: ctx?.requestId,
        fieldErrors,
      },
    };
  },
});

function fieldErrorsOf(error: TRPCError): FieldError[] {
  if (error.cause instanceof ZodError) {
    const pathOf = (path: PropertyKey[]) =>
      path.length > 0 ? path.join(".") : "input";

    // A field the procedure does not take is named itself, so a tool
    // still sending a retired field learns which one.
    return error.cause.issues.flatMap((issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => ({
            path: pathOf([...issue.path, key]),
            message: "is not a field this procedure takes",
          }))
        : [{ path: pathOf(issue.path), message: issue.message }],
    );
  }
  if (error.cause instanceof DomainError && error.cause.field) {
    return [{ path: error.cause.field, message: error.cause.message }];
  }

  return [];
}

/** Turns domain and database errors into tRPC errors and logs each call once. */
/** Refuses text PostgreSQL cannot store before any procedure sees it. */
const wellFormed = t.middleware(async ({ getRawInput, next }) => {
  assertWellFormedText(await getRawInput());

  return next();
});

const observed = t.middleware(async ({ ctx, path, type, next }) => {
  const startedAt = performance.now();
  const result = await next();
  const durationMs = Math.round((performance.now() - startedAt) * 10) / 10;
  if (result.ok) {
    ctx.logger.info({ path, type, durationMs, outcome: "ok" }, "call");
    ctx.observer?.callCompleted({ path, type, outcome: "ok", durationMs });

    return result;
  }
  const error = toTRPCError(result.error);
  const level = error.code === "INTERNAL_SERVER_ERROR" ? "error" : "info";
  ctx.logger[level](
    { path, type, durationMs, outcome: error.code, err: result.error.cause },
    "call",
  );
  (result as { error: TRPCError }).error = error;
  ctx.observer?.callCompleted({ path, type, outcome: error.code, durationMs });

  return result;
});

function toTRPCError(error: TRPCError): TRPCError {
  const cause = error.cause;
  if (cause instanceof DomainError) {
    return new TRPCError({
      code: trpcCodeFor[cause.code],
      message: cause.message,
      cause,
    });
  }
  const mapped = cause ? fromDatabaseError(cause) : undefined;
  if (mapped) {
    return new TRPCError({
      code: trpcCodeFor[mapped.code],
      message: mapped.message,
      cause: mapped,
    });
  }

  return error;
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Anyone, signed in or not: health checks and public pages. */
export const publicProcedure = t.procedure.use(observed).use(wellFormed);

const rank = { VIEWER: 0, STAFF: 1, ADMIN: 2 } as const satisfies Record<
  Role,
  number
>;

const requiredRoleKey = Symbol("requiredRole");

function requireRole(role: Role) {
  const middleware = t.middleware(async ({ ctx, next }) => {
    const actor = ctx.reauthenticate ? await ctx.reauthenticate() : ctx.actor;
    if (!actor) {
      throw new DomainError("UNAUTHENTICATED", "sign in to continue");
    }
    if (rank[actor.role] < rank[role]) {
      throw new DomainError(
        "FORBIDDEN",
        `this needs the ${role} role; you have ${actor.role}`,
      );
    }

    return next({ ctx: { ...ctx, actor } });
  });
  for (const fn of middleware._middlewares) {
    Object.assign(fn, { [requiredRoleKey]: role });
  }

  return middleware;
}

/**
 * The role a procedure's builder demands, or null for a public one. Tests
 * walk the router with it, so a procedure added later is covered too.
 */
export function requiredRoleOf(procedure: {
  _def: { middlewares: unknown[] };
}): Role | null {
  const roles = procedure._def.middlewares
    .map((middleware) =>
      typeof middleware === "function"
        ? (middleware as { [requiredRoleKey]?: Role })[requiredRoleKey]
        : undefined,
    )
    .filter((role): role is Role => role !== undefined);

  return roles.at(-1) ?? null;
}

/** Any signed-in caller, read-only work. */
export const viewerProcedure = publicProcedure.use(requireRole("VIEWER"));
/** Day-to-day work: rules, templates, campaigns, schedules, bookings. */
export const staffProcedure = publicProcedure.use(requireRole("STAFF"));
/** Settings, users, providers and tokens. */
export const adminProcedure = publicProcedure.use(requireRole("ADMIN"));
