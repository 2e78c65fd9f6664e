// Builds the console and measures the JavaScript a first visit downloads,
// gzipped, then writes the figures to docs/benchmarks.md (its own section).
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

import { build } from "vite";

const BUDGET_KB = 300;
const webRoot = fileURLToPath(new URL("..", import.meta.url));
const benchmarksFile = fileURLToPath(
  new URL("../../../docs/benchmarks.md", import.meta.url),
);
const START = "<!-- web-size:start -->";
const END = "<!-- web-size:end -->";

async function buildWithManifest(outDir) {
  process.env.NODE_ENV = "production";
  await build({
    root: webRoot,
    configFile: path.join(webRoot, "vite.config.ts"),
    mode: "production",
    logLevel: "warn",
    build: { outDir, emptyOutDir: true, manifest: true },
  });
  const manifest = JSON.parse(
    await readFile(path.join(outDir, ".vite", "manifest.json"), "utf8"),
  );

  return manifest;
}

/** A chunk and everything it imports statically (what loads with it). */
function closure(manifest, key, seen = new Set()) {
  if (seen.has(key)) {
    return seen;
  }
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) {
    closure(manifest, imported, seen);
  }

  return seen;
}

async function gzippedKb(outDir, manifest, keys) {
  let bytes = 0;
  let raw = 0;
  for (const key of keys) {
    const source = await readFile(path.join(outDir, manifest[key].file));
    raw += source.length;
    bytes += gzipSync(source, { level: 9 }).length;
  }

  return { gzip: bytes / 1024, raw: raw / 1024 };
}

async function cssKb(outDir, manifest, keys) {
  let bytes = 0;
  for (const key of keys) {
    for (const file of manifest[key].css ?? []) {
      const source = await readFile(path.join(outDir, file));
      bytes += gzipSync(source, { level: 9 }).length;
    }
  }

  return bytes / 1024;
}

async function measure() {
  const outDir = await mkdtemp(path.join(os.tmpdir(), "rally-web-size-"));
  try {
    const manifest = await buildWithManifest(outDir);
    const entry = closure(manifest, "index.html");
    const shell = await gzippedKb(outDir, manifest, entry);
    const pages = [];
    for (const key of manifest["index.html"].dynamicImports ?? []) {
      const extra = [...closure(manifest, key)].filter((k) => !entry.has(k));
      const size = await gzippedKb(outDir, manifest, extra);
      pages.push({ page: key.replace(/^src\/pages\//, ""), ...size });
      // A page's own lazy parts (such as the dashboard's chart) load after it.
      for (const lazyKey of manifest[key].dynamicImports ?? []) {
        const seen = new Set([...entry, ...closure(manifest, key)]);
        const lazyExtra = [...closure(manifest, lazyKey)].filter(
          (k) => !seen.has(k),
        );
        const lazySize = await gzippedKb(outDir, manifest, lazyExtra);
        pages.push({
          page: `${lazyKey.replace(/^src\/pages\//, "")} (lazy, after its page)`,
          ...lazySize,
        });
      }
    }

    const css = await cssKb(outDir, manifest, entry);

    return { shell, pages, css };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

function report({ shell, pages, css }) {
  const landing = pages.find((p) => p.page.startsWith("dashboard/"));
  const initial = shell.gzip + (landing?.gzip ?? 0);
  const kb = (value) => value.toFixed(1);
  const rows = pages
    .map((p) => `| ${p.page} | ${kb(p.gzip)} | ${kb(p.raw)} |`)
    .join("\n");

  return `${START}
## Console initial JavaScript (\`pnpm bench:web-size\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus()[0]?.model ?? "unknown CPU"} (${os.cpus().length} cores), Node ${process.version}.
A production \`vite build\`; sizes are gzip level 9 of the emitted files.

| what a first visit loads | gzip KB | raw KB | share of the ${BUDGET_KB} KB budget |
| --- | --- | --- | --- |
| entry chunk and its static imports | ${kb(shell.gzip)} | ${kb(shell.raw)} | ${((shell.gzip / BUDGET_KB) * 100).toFixed(0)}% |
| plus the landing page (Dashboard, without its lazy chart) | ${kb(initial)} | ${kb(shell.raw + (landing?.raw ?? 0))} | ${((initial / BUDGET_KB) * 100).toFixed(0)}% |

The stylesheet (Mantine's styles) adds ${kb(css)} KB gzipped, outside the
JavaScript budget.

Each page is its own chunk, loaded on first visit; what it adds beyond the
entry:

| page | gzip KB | raw KB |
| --- | --- | --- |
${rows}
${END}`;
}

async function writeSection(section) {
  const existing = await readFile(benchmarksFile, "utf8").catch(
    () => "# Benchmarks\n",
  );
  const pattern = new RegExp(`${START}[\\s\\S]*?${END}`);
  const next = pattern.test(existing)
    ? existing.replace(pattern, section)
    : `${existing.trimEnd()}\n\n${section}\n`;
  await writeFile(benchmarksFile, next);
}

const section = report(await measure());
await writeSection(section);
process.stdout.write(`${section}\n`);
