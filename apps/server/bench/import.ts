/**
 * pnpm bench:import — loads generated service-record files of two sizes and
 * reports rows per second and peak memory. The small file is the baseline:
 * streaming is flat when the big file's peak heap is about the small one's.
 * Uses DATABASE_URL's server when set, else in-memory PGlite (whose data
 * then lives in this process and shows in RSS, not in the JS heap).
 */
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  rmSync,
} from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { once } from "node:events";

import { runImport, systemClock } from "@rally/api";
import { repoRoot } from "@rally/db";
import { seedDemoShop } from "@rally/db/seed";
import { createTestDatabase } from "@rally/db/testing";
import pino from "pino";

const sizes = [100_000, 1_000_000];
const vehicles = 2_000;
const services = [
  "Oil change",
  "LOF",
  "Tire rotation",
  "Brake inspection",
  "Battery check",
];

async function writeCsv(file: string, rows: number) {
  const out = createWriteStream(file);
  out.write("RO Number,Vehicle ID,Service,Date,Mileage,Notes\n");
  for (let index = 1; index <= rows; index += 1) {
    const vehicle = `V${String((index % vehicles) + 1).padStart(7, "0")}`;
    const day = String((index % 28) + 1).padStart(2, "0");
    const line = `B${index},${vehicle},${services[index % services.length]},2025-06-${day},${10_000 + (index % 90_000)},"bench, row ${index}"\n`;
    if (!out.write(line)) {
      await once(out, "drain");
    }
  }
  out.end();
  await once(out, "finish");
}

async function measure(rows: number, folder: string) {
  const file = path.join(folder, `records-${rows}.csv`);
  await writeCsv(file, rows);
  const db = await createTestDatabase();
  try {
    await seedDemoShop(db, { vehicles, seed: 1 });
    global.gc?.();
    let peakHeap = 0;
    let peakRss = 0;
    const sample = () => {
      const usage = process.memoryUsage();
      peakHeap = Math.max(peakHeap, usage.heapUsed);
      peakRss = Math.max(peakRss, usage.rss);
    };
    const sampler = setInterval(sample, 50);
    const startedAt = performance.now();
    const job = await runImport(
      { db, clock: systemClock, logger: pino({ level: "silent" }) },
      {
        kind: "serviceRecords",
        fileName: file,
        source: () => createReadStream(file),
      },
    );
    const seconds = (performance.now() - startedAt) / 1000;
    clearInterval(sampler);
    sample();
    if (job.rowsOk !== rows) {
      throw new Error(`expected ${rows} rows loaded, got ${job.rowsOk}`);
    }

    return { rows, seconds, rowsPerSecond: rows / seconds, peakHeap, peakRss };
  } finally {
    await db.close();
  }
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;

const folder = mkdtempSync(path.join(tmpdir(), "rally-bench-import-"));
try {
  const results = [];
  for (const rows of sizes) {
    const result = await measure(rows, folder);
    process.stderr.write(
      `${rows} rows: ${result.rowsPerSecond.toFixed(0)} rows/s, heap ${mb(result.peakHeap)}\n`,
    );
    results.push(result);
  }
  const [base, big] = results as [(typeof results)[0], (typeof results)[0]];
  const section = [
    "## CSV import (`pnpm bench:import`)",
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${mb(totalmem())} RAM, Node ${process.version}, ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite (in memory)"}.`,
    `Load average at the end: ${loadavg()[0]!.toFixed(1)} (rows/s fall in proportion when other work shares the cores; the heap ratio is what shows streaming stays flat).`,
    `Service-record rows (6 columns, quoted notes) against ${vehicles} seeded vehicles; both passes (check, then load in transactions of 1,000 rows).`,
    "",
    "| rows | seconds | rows/s | peak JS heap | peak RSS |",
    "| ---: | ---: | ---: | ---: | ---: |",
    ...results.map(
      (r) =>
        `| ${r.rows.toLocaleString("en-US")} | ${r.seconds.toFixed(1)} | ${r.rowsPerSecond.toFixed(0)} | ${mb(r.peakHeap)} | ${mb(r.peakRss)} |`,
    ),
    "",
    `Against the ${base.rows.toLocaleString("en-US")}-row baseline: ${(big.rows / base.rows).toFixed(0)}× the rows took ${(big.seconds / base.seconds).toFixed(1)}× the time with ${(big.peakHeap / base.peakHeap).toFixed(2)}× the peak heap.`,
    "",
  ].join("\n");
  const docs = path.join(repoRoot, "docs", "benchmarks.md");
  const current = await readFile(docs, "utf8").catch(() => "# Benchmarks\n\n");
  const pattern = /## CSV import[\s\S]*?(?=\n## |$)/;
  const next = pattern.test(current)
    ? current.replace(pattern, section)
    : `${current.trimEnd()}\n\n${section}`;
  await writeFile(docs, next);
  process.stdout.write(`${section}\nwritten to ${docs}\n`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
