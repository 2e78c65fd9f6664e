/**
 * `pnpm bench:realtime`: WebSocket clients subscribed through the typed
 * client while status changes are committed; reports commit-to-client
 * latency, deliveries per second and server memory, on embedded PGlite and,
 * with DATABASE_URL set, across two server processes on PostgreSQL.
 * Loopback only; every wait is bounded.
 */
import { fork, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import os from "node:os";
import { fileURLToPath } from "node:url";

import type { StreamItem } from "@rally/api";
import { createRallyClient, type RallyClient } from "@rally/client/node";
import { createTestDatabase } from "@rally/db/testing";
import { withDatabase } from "@rally/db/testing";

import type { ServerCommand, ServerReply } from "./realtime-server.ts";
import {
  combineRepeats,
  summarise,
  writeReport,
  type ScenarioResult,
} from "./report.ts";

const CAMPAIGNS = 100;
const STEP_TIMEOUT_MS = 300_000;
const serverScript = fileURLToPath(
  new URL("./realtime-server.ts", import.meta.url),
);
/**
 * Node's flags in the server's `start` script, so memory is measured as
 * run; BENCH_NODE_FLAGS replaces the V8 part to compare settings.
 */
const serverNodeFlags = [
  ...(process.env.BENCH_NODE_FLAGS ?? "--heap-growing-percent=40")
    .split(" ")
    .filter(Boolean),
  "--import",
  "tsx",
];

export interface Scenario {
  name: string;
  clients: number;
  /** Of `clients`, how many watch everything (onAll); the rest one campaign. */
  allClients: number;
  events: number;
  /** Committed and delivered before measuring, not counted. */
  warmUp: number;
  perSecond: number;
  perCommit: number;
  databaseUrl?: string | undefined;
  servers: 1 | 2;
}

interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** A viewer's API token that this server's clients subscribe with. */
  token: string;
  request<T extends ServerReply["kind"]>(
    command: ServerCommand,
    reply: T,
  ): Promise<Extract<ServerReply, { kind: T }>>;
}

function within<T>(promise: Promise<T>, what: string) {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${what} took over ${STEP_TIMEOUT_MS} ms`)),
      STEP_TIMEOUT_MS,
    );
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

async function startServer(env: Record<string, string>) {
  const child = fork(serverScript, {
    execArgv: serverNodeFlags,
    env: { ...process.env, BENCH_CAMPAIGNS: String(CAMPAIGNS), ...env },
  });
  const next = <T extends ServerReply["kind"]>(kind: T) =>
    within(
      new Promise<Extract<ServerReply, { kind: T }>>((resolve) => {
        const onMessage = (reply: ServerReply) => {
          if (reply.kind === kind) {
            child.off("message", onMessage);
            resolve(reply as Extract<ServerReply, { kind: T }>);
          }
        };
        child.on("message", onMessage);
      }),
      `the server's ${kind}`,
    );
  const { url, token } = await next("ready");
  const server: ServerProcess = {
    child,
    url,
    token,
    request(command, reply) {
      const answer = next(reply);
      child.send(command);

      return answer;
    },
  };

  return server;
}

interface Delivery {
  seq: number;
  receivedAt: number;
  server: number;
}

async function subscribeClients(
  scenario: Scenario,
  servers: ServerProcess[],
  tallies: { current: Tally },
) {
  const clients: RallyClient[] = [];
  const started: Promise<void>[] = [];
  for (let i = 0; i < scenario.clients; i += 1) {
    const serverIndex = i % servers.length;
    const { url, token } = servers[serverIndex]!;
    const client = createRallyClient({ url, token });
    clients.push(client);
    const onData = ({ data }: { data: StreamItem }) => {
      if (data.kind !== "events") {
        tallies.current.refetch();

        return;
      }
      const receivedAt = performance.timeOrigin + performance.now();
      for (const event of data.events) {
        tallies.current.record({
          seq: Number(event.payload.seq),
          receivedAt,
          server: serverIndex,
        });
      }
    };
    started.push(
      new Promise<void>((onStarted, onError) => {
        const handlers = { onStarted: () => onStarted(), onData, onError };
        if (i < scenario.allClients) {
          client.events.onAll.subscribe({}, handlers);
        } else {
          const campaignId = (i % CAMPAIGNS) + 1;
          client.events.onCampaign.subscribe({ campaignId }, handlers);
        }
      }),
    );
    if (started.length % 100 === 0) {
      await within(Promise.all(started), "subscribing");
    }
  }
  await within(Promise.all(started), "subscribing");

  return clients;
}

function expectedDeliveries(scenario: Scenario, events: number) {
  const perCampaign = events / CAMPAIGNS;
  const campaignClients = scenario.clients - scenario.allClients;

  return scenario.allClients * events + campaignClients * perCampaign;
}

/** What the clients received, and a wait for all of it. */
function createTally(expected: number) {
  const deliveries: Delivery[] = [];
  let refetches = 0;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const check = () => {
    // A refetch marker stands in for the events it replaced.
    if (deliveries.length + refetches >= expected || refetches > 0) {
      finish();
    }
  };

  return {
    deliveries,
    refetches: () => refetches,
    record(delivery: Delivery) {
      deliveries.push(delivery);
      check();
    },
    refetch() {
      refetches += 1;
      check();
    },
    done: () => within(done, `delivering ${expected} events`),
  };
}

type Tally = ReturnType<typeof createTally>;

async function openDatabaseFor(
  scenario: Scenario,
): Promise<{ env: Record<string, string>; close(): Promise<void> }> {
  if (!scenario.databaseUrl) {
    return { env: { BENCH_MIGRATE: "1" }, close: async () => {} };
  }
  process.env.DATABASE_URL = scenario.databaseUrl;
  const db = await createTestDatabase();
  const rows = await db.sql.query<{ name: string }>(
    "SELECT current_database() AS name",
  );
  const url = withDatabase(scenario.databaseUrl, rows[0]!.name);

  return { env: { BENCH_DATABASE_URL: url }, close: () => db.close() };
}

/** Busy and total CPU ticks of the whole machine, or null off Linux. */
async function cpuTicks() {
  const stat = await readFile("/proc/stat", "utf8").catch(() => null);
  const fields = stat?.split("\n")[0]?.trim().split(/\s+/).slice(1).map(Number);
  if (!fields || fields.length < 5) {
    return null;
  }
  const total = fields.reduce((sum, ticks) => sum + ticks, 0);
  // idle and iowait
  const idle = fields[3]! + fields[4]!;

  return { busy: total - idle, total };
}

/**
 * The share of the machine's CPU (%) in use over the next `ms`: sampled
 * before a run, while the bench itself waits, it is what other work uses.
 * The load average cannot say this; it lags by minutes.
 */
async function cpuBusyPercent(ms: number) {
  const before = await cpuTicks();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = await cpuTicks();
  if (!before || !after || after.total === before.total) {
    return null;
  }

  return round(
    (100 * (after.busy - before.busy)) / (after.total - before.total),
  );
}

function round(value: number) {
  return Math.round(value * 10) / 10;
}

export async function runScenario(scenario: Scenario): Promise<ScenarioResult> {
  const database = await openDatabaseFor(scenario);
  const servers: ServerProcess[] = [];
  for (let i = 0; i < scenario.servers; i += 1) {
    servers.push(await startServer(database.env));
  }
  const commit = async (events: number, tally: Tally) => {
    const committed = await servers[0]!.request(
      {
        kind: "commit",
        total: events,
        perCommit: scenario.perCommit,
        perSecond: scenario.perSecond,
      },
      "committed",
    );
    await tally.done();

    return committed;
  };
  const tallies = {
    current: createTally(expectedDeliveries(scenario, scenario.warmUp)),
  };
  const clients = await subscribeClients(scenario, servers, tallies);
  try {
    // A server that has run for a while has compiled its hot paths; the
    // first events after a start measure the compiler instead.
    if (scenario.warmUp > 0) {
      await commit(scenario.warmUp, tallies.current);
    }
    const tally = createTally(expectedDeliveries(scenario, scenario.events));
    tallies.current = tally;
    const committed = await commit(scenario.events, tally);
    const memory = await Promise.all(
      servers.map((server) => server.request({ kind: "memory" }, "memory")),
    );

    return summarise(scenario, committed, tally, memory);
  } finally {
    clients.forEach((client) => client.close());
    await Promise.all(
      servers.map(
        (server) =>
          new Promise((resolve) => {
            server.child.once("exit", resolve);
            server.child.send({ kind: "stop" } satisfies ServerCommand);
          }),
      ),
    );
    await database.close();
  }
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  const events = Number(process.env.BENCH_EVENTS ?? 10_000);
  const clients = Number(process.env.BENCH_CLIENTS ?? 1_000);
  const perSecond = Number(process.env.BENCH_RATE ?? 2_000);
  const perCommit = Number(process.env.BENCH_PER_COMMIT ?? 50);
  const warmUp = Number(process.env.BENCH_WARM_UP ?? 2_000);
  const common = { perSecond, perCommit, warmUp, allClients: clients / 100 };
  const scenarios: Scenario[] = [
    {
      ...common,
      name: "baseline: 1 client, PGlite",
      clients: 1,
      allClients: 1,
      events: 1_000,
      servers: 1,
    },
    {
      ...common,
      name: `${clients} clients, PGlite`,
      clients,
      events,
      servers: 1,
    },
  ];
  if (databaseUrl) {
    scenarios.push({
      ...common,
      name: `${clients} clients, 2 server processes, PostgreSQL`,
      clients,
      events,
      servers: 2,
      databaseUrl,
    });
  }
  // p99 on a shared 2-core machine moves by tens of ms between runs.
  const repeats = Number(process.env.BENCH_REPEATS ?? 3);
  const results: ScenarioResult[] = [];
  let busyBefore: number | null = 0;
  for (const scenario of scenarios) {
    const runs: ScenarioResult[] = [];
    for (let run = 1; run <= repeats; run += 1) {
      const busy = await cpuBusyPercent(2_000);
      busyBefore =
        busy === null || busyBefore === null
          ? null
          : Math.max(busy, busyBefore);
      process.stdout.write(
        `running: ${scenario.name} (${run}/${repeats}); CPU busy before: ${busy ?? "unknown"}%\n`,
      );
      const result = await runScenario(scenario);
      process.stdout.write(`${JSON.stringify(result)}\n`);
      runs.push(result);
    }
    results.push(combineRepeats(runs));
  }
  await writeReport(results, {
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown"}`,
    node: process.version,
    date: new Date().toISOString(),
    hasPostgres: Boolean(databaseUrl),
    busyBefore,
    serverFlags: serverNodeFlags.join(" "),
    repeats,
  });
  process.exit(0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench:realtime failed: ${String(error)}\n`);
    process.exit(1);
  });
}
