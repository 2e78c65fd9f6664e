import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

import type { Scenario } from "./realtime.ts";

export interface ScenarioResult {
  name: string;
  clients: number;
  events: number;
  deliveries: number;
  /** Refetch markers clients got instead of events (slow consumers). */
  refetches: number;
  perSecond: number;
  perCommit: number;
  warmUp: number;
  /** Latency in ms per server the clients were on (0 committed). */
  latency: {
    server: number;
    deliveries: number;
    median: number;
    p99: number;
    max: number;
    /** This row's p99 in every repeat of the scenario, in run order. */
    p99Runs?: number[];
  }[];
  /** Commits actually achieved (the pace is a ceiling). */
  committedPerSecond: number;
  deliveredPerSecond: number;
  /** Peak resident memory per server process, MB. */
  peakRssMb: number[];
  /** Peak minus idle resident memory: what clients and events added. */
  addedRssMb: number[];
  heapUsedMb: number[];
}

/**
 * One scenario run several times: the run with the median worst p99
 * stands for it, with every run's p99 beside it and the highest memory
 * any run reached.
 */
export function combineRepeats(runs: ScenarioResult[]): ScenarioResult {
  const worst = (r: ScenarioResult) => Math.max(...r.latency.map((l) => l.p99));
  const sorted = [...runs].sort((a, b) => worst(a) - worst(b));
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const highest = (pick: (r: ScenarioResult) => number[]) =>
    pick(median).map((_, i) => Math.max(...runs.map((r) => pick(r)[i] ?? 0)));

  return {
    ...median,
    latency: median.latency.map((l) => ({
      ...l,
      p99Runs: runs.map(
        (r) => r.latency.find((x) => x.server === l.server)?.p99 ?? NaN,
      ),
    })),
    peakRssMb: highest((r) => r.peakRssMb),
    addedRssMb: highest((r) => r.addedRssMb),
    heapUsedMb: highest((r) => r.heapUsedMb),
  };
}

interface Delivery {
  seq: number;
  receivedAt: number;
  server: number;
}

const MB = 1_048_576;

function percentile(sorted: Float64Array, p: number) {
  const index = Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1);

  return round(sorted[Math.max(0, index)] ?? 0);
}

function round(value: number) {
  return Math.round(value * 10) / 10;
}

export function summarise(
  scenario: Scenario,
  committed: { committedAt: number[]; durationMs: number },
  tally: { deliveries: Delivery[]; refetches(): number },
  memory: { idleRss: number; peakRss: number; heapUsed: number }[],
): ScenarioResult {
  const { deliveries } = tally;
  const { committedAt } = committed;
  const latency = [...new Set(deliveries.map((d) => d.server))].map(
    (server) => {
      const own = deliveries.filter((d) => d.server === server);
      const values = Float64Array.from(own, (d) =>
        Math.max(0, d.receivedAt - committedAt[d.seq]!),
      ).sort();

      return {
        server,
        deliveries: own.length,
        median: percentile(values, 0.5),
        p99: percentile(values, 0.99),
        max: round(values.at(-1) ?? 0),
      };
    },
  );
  const firstCommit = committedAt.reduce((a, b) => Math.min(a, b), Infinity);
  const lastDelivery = deliveries.reduce(
    (latest, d) => Math.max(latest, d.receivedAt),
    -Infinity,
  );

  return {
    name: scenario.name,
    clients: scenario.clients,
    events: scenario.events,
    deliveries: deliveries.length,
    refetches: tally.refetches(),
    perSecond: scenario.perSecond,
    perCommit: scenario.perCommit,
    warmUp: scenario.warmUp,
    latency,
    committedPerSecond: Math.round(
      scenario.events / (committed.durationMs / 1_000),
    ),
    deliveredPerSecond: Math.round(
      deliveries.length / ((lastDelivery - firstCommit) / 1_000),
    ),
    peakRssMb: memory.map((m) => Math.round(m.peakRss / MB)),
    addedRssMb: memory.map((m) => Math.round((m.peakRss - m.idleRss) / MB)),
    heapUsedMb: memory.map((m) => Math.round(m.heapUsed / MB)),
  };
}

interface Machine {
  cpus: string;
  node: string;
  date: string;
  hasPostgres: boolean;
  /**
   * The highest share of the machine's CPU (%) that other work used in the
   * seconds before any run started; null where /proc/stat is missing.
   */
  busyBefore: number | null;
  /** The V8 flags the servers ran with, as `pnpm start` runs them. */
  serverFlags: string;
  repeats: number;
}

const HEADING = "## Realtime (`pnpm bench:realtime`)";

function section(results: ScenarioResult[], machine: Machine) {
  const baseline = results[0]?.latency[0]?.p99 ?? 0;
  const rows = results.flatMap((result) =>
    result.latency.map((l) => {
      const ratio = baseline > 0 ? `${round(l.p99 / baseline)}×` : "n/a";
      const where =
        result.latency.length > 1
          ? l.server === 0
            ? " (clients of the committing server)"
            : " (clients of the other server)"
          : "";

      return `| ${result.name}${where} | ${result.committedPerSecond} | ${l.deliveries} | ${result.refetches} | ${l.median} | ${l.p99} | ${(l.p99Runs ?? [l.p99]).join(", ")} | ${ratio} | ${l.max} | ${result.deliveredPerSecond} | ${result.peakRssMb.join(" / ")} | ${result.addedRssMb.join(" / ")} | ${result.heapUsedMb.join(" / ")} |`;
    }),
  );

  return [
    HEADING,
    "",
    `Measured ${machine.date} on ${machine.cpus}, Node ${machine.node}; ` +
      "server(s) in child processes, clients in the bench process, loopback; " +
      (machine.busyBefore === null
        ? ""
        : `CPU busy with other work before each run: at most ${machine.busyBefore}%; `) +
      `servers run with \`node ${machine.serverFlags}\`.`,
    "Each client is a typed client with its own WebSocket; 1% watch",
    "`events.onAll`, the rest `events.onCampaign` for one of 100 campaigns.",
    `Status changes are committed through the first server, paced at ${results[1]?.perSecond ?? "?"}/s, ${results[1]?.perCommit ?? "?"} per transaction.`,
    `Each run first commits ${results[1]?.warmUp ?? "?"} changes that all clients receive`,
    "and that are not counted, so the servers' hot paths are compiled as in",
    "a server that has been up for a while. Subscriptions send the events",
    "ready together in one message; latency is per event.",
    "Latency is from the commit returning to the client's onData (ms);",
    "the ratio compares p99 with the one-client baseline of the same run.",
    `Each scenario ran ${machine.repeats} times: its row is the run with the`,
    "median worst p99, memory columns the highest of any run.",
    "Delivered/s counts every client's deliveries from the first commit to",
    "the last delivery. On PGlite the database runs inside the server",
    "process, so its RSS includes the embedded database (about 800 MB idle);",
    "the added column is what the run itself grew it by.",
    "",
    "| scenario | committed/s | deliveries | refetch markers | median | p99 | p99 of each run | p99 vs baseline | max | delivered/s | server peak RSS (MB) | RSS added by the run (MB) | heap after (MB) |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
    targetsLine(results, machine),
    "",
    machine.hasPostgres
      ? "Two-process rows: both servers LISTEN on the same PostgreSQL database; the second server's clients hear of each commit only through NOTIFY."
      : "PostgreSQL rows need DATABASE_URL; this run had none.",
    "",
  ].join("\n");
}

/** Whether the run met p99 < 100 ms and < 300 MB, read with its load. */
function targetsLine(results: ScenarioResult[], machine: Machine) {
  const loaded = results.slice(1);
  const worstP99 = Math.max(
    ...loaded.flatMap((r) => r.latency.map((l) => l.p99)),
  );
  const serverRss = loaded
    .filter((r) => r.latency.length > 1)
    .flatMap((r) => r.peakRssMb);
  const worstRss = serverRss.length > 0 ? Math.max(...serverRss) : undefined;
  // The run itself keeps four processes busy, so only what the machine did
  // just before each run says whether other work shared it.
  const isShared = machine.busyBefore === null || machine.busyBefore > 15;

  return [
    `Targets (p99 < 100 ms, server < 300 MB): worst median-run p99 ${worstP99} ms` +
      (worstRss === undefined
        ? "."
        : `, worst PostgreSQL server peak RSS ${worstRss} MB.`),
    isShared
      ? "Other work shared the 2 cores (or the machine could not tell), so " +
        "every process (PostgreSQL, servers, the bench's " +
        "1,000 clients) got a fraction of a core: read the latencies as " +
        "upper bounds and rerun on an idle machine to judge the target."
      : "The machine was otherwise idle before each run. Even so, p99 moves " +
        "by tens of milliseconds from run to run on 2 cores shared by " +
        "PostgreSQL, the servers and the 1,000 clients.",
  ].join(" ");
}

export async function writeReport(results: ScenarioResult[], machine: Machine) {
  const file = fileURLToPath(
    new URL("../../../docs/benchmarks.md", import.meta.url),
  );
  const existing = await readFile(file, "utf8").catch(() => "# Benchmarks\n\n");
  const start = existing.indexOf(HEADING);
  const next = start === -1 ? -1 : existing.indexOf("\n## ", start + 1);
  const before =
    start === -1 ? `${existing.trimEnd()}\n\n` : existing.slice(0, start);
  const after = next === -1 ? "" : existing.slice(next + 1);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${before}${section(results, machine)}\n${after}`);
}
