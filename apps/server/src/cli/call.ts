import { appRouter, type StreamItem } from "@rally/api";
import {
  createRallyClient,
  TRPCClientError,
  type AppRouter,
} from "@rally/client/node";
import type { Command } from "commander";

import { CliError, exitCodes, wholeNumber } from "./errors.ts";

type ProcedureType = "query" | "mutation" | "subscription";

interface Callable {
  query(input: unknown): Promise<unknown>;
  mutate(input: unknown): Promise<unknown>;
  subscribe(input: unknown, handlers: object): { unsubscribe(): void };
}

interface CallOptions {
  url: string;
  token?: string;
  maxEvents?: number;
}

/** Full ISO timestamps in the JSON input become Dates, as procedures expect. */
const isoTimestamp =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

export function addCallCommand(program: Command) {
  program
    .command("call")
    .description(
      "call any procedure by its path and print the result as JSON (subscriptions: one event per line)",
    )
    .argument("<procedure>", "a dotted path such as customer.list")
    .argument("[json]", "the input as JSON; ISO timestamps become dates", "")
    .option(
      "--url <url>",
      "the server",
      process.env.RALLY_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
    )
    .option("--token <token>", "an API token (default: RALLY_TOKEN)")
    .option(
      "--max-events <n>",
      "stop a subscription after n events",
      wholeNumber("--max-events", 1, 1_000_000),
    )
    .addHelpText(
      "after",
      `\nExit codes: 0 success, ${exitCodes.failed} the server refused the call (its code and message go to stderr), ${exitCodes.usage} unknown procedure or bad JSON.`,
    )
    .action(async (path: string, json: string, options: CallOptions) => {
      const type = procedureType(path);
      const input = parseInput(json);
      const client = createRallyClient({
        url: options.url,
        token: options.token ?? process.env.RALLY_TOKEN,
      });
      try {
        // The client is a proxy: walking the path reaches the procedure
        // whose type the router told us above.
        const target = path
          .split(".")
          .reduce<unknown>(
            (node, key) => (node as Record<string, unknown>)[key],
            client,
          ) as Callable;
        if (type === "subscription") {
          await followSubscription(target, input, options.maxEvents);
        } else {
          const result = await (type === "query"
            ? target.query(input)
            : target.mutate(input));
          process.stdout.write(`${JSON.stringify(result ?? null, null, 2)}\n`);
        }
      } catch (error) {
        throw asCliError(error);
      } finally {
        client.close();
      }
    });
}

function procedureType(path: string): ProcedureType {
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: ProcedureType } }
  >;
  const procedure = procedures[path];
  if (!procedure) {
    const prefix = path.split(".")[0] ?? "";
    const near = Object.keys(procedures).filter((name) =>
      name.startsWith(`${prefix}.`),
    );
    const hint =
      near.length > 0 ? near.join(", ") : Object.keys(procedures).join(", ");
    throw new CliError(
      `no procedure "${path}"; try one of: ${hint}`,
      exitCodes.usage,
    );
  }

  return procedure._def.type;
}

function parseInput(json: string) {
  if (json.trim() === "") {
    return undefined;
  }
  try {
    return JSON.parse(json, (_key, value: unknown) =>
      typeof value === "string" && isoTimestamp.test(value)
        ? new Date(value)
        : value,
    ) as unknown;
  } catch (error) {
    throw new CliError(
      `the input is not JSON: ${(error as Error).message}`,
      exitCodes.usage,
    );
  }
}

function followSubscription(
  target: Callable,
  input: unknown,
  maxEvents: number | undefined,
) {
  return new Promise<void>((resolve, reject) => {
    let count = 0;
    const stop = () => {
      subscription.unsubscribe();
      resolve();
    };
    const subscription = target.subscribe(input, {
      onData: (data: unknown) => {
        for (const line of linesOf(data)) {
          process.stdout.write(`${JSON.stringify(line)}\n`);
          count += 1;
          if (maxEvents !== undefined && count >= maxEvents) {
            stop();

            return;
          }
        }
      },
      onError: reject,
      onComplete: resolve,
    });
    process.once("SIGINT", stop);
  });
}

/**
 * One line per event, each with its id to resume after, although the
 * server sends the events that are ready together as one item; a refetch
 * marker is a line of its own.
 */
function linesOf(data: unknown): unknown[] {
  const { id, data: item } = data as { id?: string; data?: StreamItem };
  if (item?.kind === "events") {
    return item.events.map((event) => ({ id: event.id, event }));
  }
  if (item?.kind === "refetch") {
    return [{ id, refetch: item.reason }];
  }

  return [data];
}

function asCliError(error: unknown) {
  if (error instanceof TRPCClientError) {
    const { data } = error as TRPCClientError<AppRouter>;
    const code = data?.code ?? "ERROR";

    return new CliError(`${code}: ${error.message}`, exitCodes.failed);
  }

  return error;
}
