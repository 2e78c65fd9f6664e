import { appRouter, requiredRoleOf } from "@rally/api";
import type { NextFunction, Request, Response } from "express";

import type { OriginCheck } from "./origins.ts";

const publicPaths = new Set(
  Object.entries(appRouter._def.procedures)
    .filter(([, procedure]) => requiredRoleOf(procedure as never) === null)
    .map(([path]) => path),
);

/** The procedure paths an HTTP tRPC request (maybe a batch) calls. */
export function procedurePathsOf(req: Request) {
  return decodeURIComponent(req.path.slice(1)).split(",");
}

/** Whether an HTTP tRPC request calls a public procedure. */
export function isPublicCall(req: Request) {
  return procedurePathsOf(req).some((path) => publicPaths.has(path));
}

/**
 * A POST is a mutation; one sent by a page on another site is refused even
 * though SameSite cookies would already leave it unauthenticated.
 */
export function refuseForeignOrigins(isAllowedOrigin: OriginCheck) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "GET" && !isAllowedOrigin(req)) {
      res.status(403).json({
        error: { message: "requests from another site are refused" },
      });

      return;
    }
    next();
  };
}
