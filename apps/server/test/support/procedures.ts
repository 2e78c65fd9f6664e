import { appRouter, requiredRoleOf, type Role } from "@rally/api";
import { TRPCClientError, type RallyClient } from "@rally/client/node";

export type ProcedureType = "query" | "mutation" | "subscription";

export interface ProcedureEntry {
  path: string;
  type: ProcedureType;
  requiredRole: Role | null;
  inputs: unknown[];
}

/** Every procedure in the router, including ones added after this file. */
export const allProcedures: ProcedureEntry[] = Object.entries(
  appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: ProcedureType; middlewares: unknown[]; inputs: unknown[] } }
  >,
).map(([path, procedure]) => ({
  path,
  type: procedure._def.type,
  requiredRole: requiredRoleOf(procedure),
  inputs: procedure._def.inputs,
}));

/** What a call came to: done, or refused with a tRPC code. */
export type CallOutcome = "ok" | string;

/**
 * Calls any procedure by path through the typed client. A subscription
 * counts as "ok" once the server has started it.
 */
export async function callByPath(
  client: RallyClient,
  entry: Pick<ProcedureEntry, "path" | "type">,
  input: unknown,
): Promise<CallOutcome> {
  const target = entry.path
    .split(".")
    .reduce<unknown>(
      (node, key) => (node as Record<string, unknown>)[key],
      client,
    ) as Record<string, (...args: unknown[]) => unknown>;
  if (entry.type === "subscription") {
    return subscribeOnce(target, input);
  }
  try {
    await (entry.type === "query" ? target.query : target.mutate)!(input);

    return "ok";
  } catch (error) {
    return codeOf(error);
  }
}

function subscribeOnce(
  target: Record<string, (...args: unknown[]) => unknown>,
  input: unknown,
) {
  return new Promise<CallOutcome>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error("the subscription neither started nor failed")),
      5_000,
    );
    const finish = (outcome: CallOutcome) => {
      clearTimeout(timer);
      subscription.unsubscribe();
      resolve(outcome);
    };
    const subscription = target.subscribe!(input, {
      onStarted: () => finish("ok"),
      onError: (error: unknown) => finish(codeOf(error)),
    }) as { unsubscribe(): void };
  });
}

export function codeOf(error: unknown): string {
  if (error instanceof TRPCClientError) {
    return (error.data as { code?: string } | undefined)?.code ?? "UNKNOWN";
  }
  throw error;
}
