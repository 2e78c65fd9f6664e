/**
 * `pnpm bench:send`: queues emails and sends them through SMTP to a local
 * in-process sink, reporting emails per second end to end and the database
 * time per email. The baseline, measured in the same run, is the same
 * pipeline with a provider that accepts instantly (database and rendering
 * only). Writes its figures to docs/benchmarks.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";

import {
  createDispatcher,
  createEventBus,
  createSmtpProvider,
  systemClock,
  type Dispatcher,
  type EmailProvider,
  type OutgoingMessage,
  type Services,
} from "@rally/api";
import { migrate, openDatabase, type Database } from "@rally/db";
import pino from "pino";

import { once } from "node:events";
import { Worker } from "node:worker_threads";

const total = Number(process.env.BENCH_EMAILS ?? 100_000);
const baselineCount = Math.min(total, 20_000);
const batchSize = 1_000;
const workers = Number(process.env.BENCH_WORKERS ?? 1);
const lanes = Number(process.env.BENCH_LANES ?? 2);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);
const concurrency = 64;

async function queue(db: Database, count: number, tag: string) {
  const startedAt = performance.now();
  await db.sql.query(
    `INSERT INTO emails (direction, status, to_address, from_address, subject,
      text, message_id, created_at, updated_at)
    SELECT 'OUTBOUND', 'QUEUED', 'customer' || n || '@example.com',
      'service@bench.test', 'Your reminder ' || n,
      'Hello, your car is due for service.',
      '<' || gen_random_uuid() || '@bench.test>', now(), now()
    FROM generate_series(1, $1) AS n`,
    [count],
  );

  return { tag, queueMs: performance.now() - startedAt };
}

/**
 * Runs `workers` dispatchers side by side, as separate processes would,
 * each with its own provider and `lanes` batches in flight, as its wake
 * loops run them; SKIP LOCKED keeps their batches apart.
 */
async function drain(services: Services, providers: EmailProvider[]) {
  const startedAt = performance.now();
  let sent = 0;
  const runLane = async (dispatcher: Dispatcher) => {
    for (;;) {
      const report = await dispatcher.runOnce();
      if (report.claimed === 0) {
        break;
      }
      sent += report.sent;
    }
  };
  await Promise.all(
    providers.flatMap((provider) => {
      const dispatcher = createDispatcher(services, {
        provider,
        batchSize,
        concurrency,
        ratePerSecond: 1_000_000,
      });

      return Array.from({ length: lanes }, () => runLane(dispatcher));
    }),
  );

  return { sent, ms: performance.now() - startedAt };
}

/**
 * The SMTP leg alone: the same messages straight to the provider, with no
 * database, at the dispatcher's concurrency. End to end cannot beat this.
 */
async function smtpCeiling(provider: EmailProvider, count: number) {
  const startedAt = performance.now();
  let next = 0;
  const message = (n: number): OutgoingMessage => ({
    emailId: n,
    messageId: `<ceiling-${n}@bench.test>`,
    from: "service@bench.test",
    to: `customer${n}@example.com`,
    subject: `Your reminder ${n}`,
    text: "Hello, your car is due for service.",
    html: null,
    headers: {
      "List-Unsubscribe": `<http://localhost:3000/unsubscribe/${n}.signature>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  });
  await Promise.all(
    Array.from({ length: concurrency * workers }, async () => {
      while (next < count) {
        await provider.send(message(next++));
      }
    }),
  );

  return { sent: count, ms: performance.now() - startedAt };
}

const instant: EmailProvider = {
  name: "instant",
  send: async (message) => ({ ok: true, providerMessageId: message.messageId }),
  close: async () => {},
};

async function main() {
  const db = await openDatabase({ url: process.env.DATABASE_URL });
  await migrate(db);
  await db.sql.exec("TRUNCATE emails, email_events, domain_events CASCADE");
  const logger = pino({ level: "warn" });
  const events = createEventBus(db, logger);
  const services: Services = {
    db,
    clock: systemClock,
    logger,
    events,
    secret: "bench-secret-bench-secret-bench-secret",
    publicUrl: "http://localhost:3000",
  };

  const loadBefore = os.loadavg()[0] ?? 0;
  await queue(db, baselineCount, "baseline");
  const baseline = await drain(services, [instant]);
  process.stdout.write(`baseline: ${JSON.stringify(baseline)}\n`);

  const sink = await startSinkThread();
  const smtp = Array.from({ length: workers }, () =>
    createSmtpProvider({
      host: "127.0.0.1",
      port: sink.port,
      maxConnections: connections,
    }),
  );
  const ceiling = await smtpCeiling(smtp[0] as EmailProvider, baselineCount);
  process.stdout.write(`smtp alone: ${JSON.stringify(ceiling)}\n`);
  const queued = await queue(db, total, "smtp");
  const run = await drain(services, smtp);
  const received = (await sink.count()) - ceiling.sent;
  await Promise.all(smtp.map((provider) => provider.close()));
  await sink.close();
  await db.close();

  const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);
  const figures = {
    emails: total,
    received,
    endToEndPerSecond: perSecond(run.sent, run.ms),
    queueMsPer1000: (queued.queueMs / total) * 1000,
    dbMsPerEmail: baseline.ms / baseline.sent,
    baselinePerSecond: perSecond(baseline.sent, baseline.ms),
    smtpPerSecond: perSecond(ceiling.sent, ceiling.ms),
    serialPerSecond: perSecond(
      baselineCount,
      (baseline.ms / baseline.sent + ceiling.ms / ceiling.sent) * baselineCount,
    ),
    loadBefore,
    loadAfter: os.loadavg()[0] ?? 0,
  };
  report(db.kind, figures);
}

async function startSinkThread() {
  // Workers start without tsx's loader: register it, then load the sink.
  const script = new URL("./sink-worker.ts", import.meta.url).href;
  const worker = new Worker(
    `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(script)}); })`,
    { eval: true },
  );
  const ask = async <T>(message: string) => {
    worker.postMessage(message);
    const [reply] = (await once(worker, "message")) as [T];

    return reply;
  };
  const [{ port }] = (await once(worker, "message")) as [{ port: number }];

  return {
    port,
    count: () => ask<{ count: number }>("count").then((r) => r.count),
    async close() {
      await ask("close");
      await worker.terminate();
    },
  };
}

function report(kind: string, f: Record<string, number>) {
  const date = new Date().toISOString().slice(0, 10);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}`;
  const section = `## Sending email (\`pnpm bench:send\`)

${date}, ${machine}, ${kind === "postgres" ? "PostgreSQL" : "PGlite"}; one-minute
load average ${f.loadBefore?.toFixed(1)} before and ${f.loadAfter?.toFixed(1)} after (other work on
the machine slows every figure alike; compare the ratio).

| figure | value |
| --- | --- |
| emails queued and sent through SMTP to an in-process sink | ${f.emails} (sink received ${f.received}) |
| end to end, emails per second | ${f.endToEndPerSecond} |
| baseline: same pipeline, provider that accepts instantly, emails/s | ${f.baselinePerSecond} |
| SMTP alone: the same provider and sink, no database, emails/s | ${f.smtpPerSecond} |
| end to end vs the slower of the two legs | ${((f.endToEndPerSecond ?? 0) / Math.min(f.baselinePerSecond ?? 1, f.smtpPerSecond ?? 1)).toFixed(2)}× |
| the two legs' work done back to back, nothing overlapping, emails/s | ${f.serialPerSecond} |
| end to end vs back to back | ${((f.endToEndPerSecond ?? 0) / (f.serialPerSecond ?? 1)).toFixed(2)}× |
| database and pipeline time per email (the baseline's time / email) | ${f.dbMsPerEmail?.toFixed(3)} ms |
| queueing 1,000 emails (one INSERT … SELECT) | ${f.queueMsPer1000?.toFixed(1)} ms |

Target: at least 1,000 emails/s end to end: ${(f.endToEndPerSecond ?? 0) >= 1_000 ? "met" : "not met"}.
The two legs are measured on ${baselineCount} emails each just before the
run; on a shared machine each figure moves with the load of its moment.

${workers} dispatcher with ${lanes} lanes (batches in flight), ${concurrency} emails in
flight per lane over ${connections} pooled SMTP connections. Each batch of ${batchSize} is
claimed with one UPDATE … FOR UPDATE SKIP LOCKED (mail outside campaigns,
then each campaign that may send, along the (campaign_id, status, id)
index), after taking its tokens from the send-rate bucket row shared by
all workers, checked against suppressions in one query and finished with
one UPDATE over unnest() arrays plus one insert of its audit rows and
events.
`;
  const file = new URL("../../../docs/benchmarks.md", import.meta.url);
  mkdirSync(new URL(".", file), { recursive: true });
  let current = "# Benchmarks\n";
  try {
    current = readFileSync(file, "utf8");
  } catch {
    // First benchmark written on this machine.
  }
  // Up to the next section or the next bench's marker, which stays.
  const pattern =
    /## Sending email \(`pnpm bench:send`\)[\s\S]*?(?=\n## |\n<!-- |$)/;
  const next = pattern.test(current)
    ? current.replace(pattern, `${section.trimEnd()}\n`)
    : `${current.trimEnd()}\n\n${section}`;
  writeFileSync(file, `${next.trimEnd()}\n`);
  process.stdout.write(`${section}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:send failed: ${String(error)}\n`);
  process.exit(1);
});
