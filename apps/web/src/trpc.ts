import type { AppRouter } from "@rally/client";
import { createTRPCReact } from "@trpc/react-query";

/** Typed React hooks for every procedure; only the router's type is imported. */
export const trpc = createTRPCReact<AppRouter>();
