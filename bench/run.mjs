#!/usr/bin/env node
// Runs the in-browser benchmark (bench/index.html + bench/bench.js) in headless Chromium on
// every index in bench/out/ (built by scripts/bench.sh with examples/bench_index.rs), prints
// a table and writes bench/out/results.json.
//
//   node bench/run.mjs                      # every bench/out/*.fahras
//   node bench/run.mjs --corpora seeds,gen15k --budget 5000
//   node bench/run.mjs --no-isolation       # without COOP/COEP (coarser performance.now())
//   node bench/run.mjs --limit 1 --out results-limit1.json   # hits per search (default 10)
//   node bench/run.mjs --serve              # only serve the page, to open it by hand
//
// Environment: CHROMIUM (default /usr/bin/chromium); FAHRAS_WASM_NO_INDEX, the path of a
// wasm built without the embedded seed index (scripts/bench.sh builds one), for the sizes.
//
// The page is served from the repository root with Cross-Origin-Opener-Policy: same-origin
// and Cross-Origin-Embedder-Policy: require-corp, so it is cross-origin isolated and
// performance.now() ticks every 5 µs in Chromium (100 µs otherwise). Each corpus runs in a
// fresh browser context (its own wasm instance and memory).

import { readFileSync, readdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'bench', 'out');

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const isolation = !flag('--no-isolation');
const budget = Number(option('--budget', '12000'));
const only = option('--corpora', null)?.split(',');
const limit = Number(option('--limit', '10'));
const resultsFile = option('--out', 'results.json');

const ORDER = ['seeds', 'quran', 'gen2k', 'gen15k', 'gen50k'];

/** bench/out/manifest.json, from the sidecars examples/bench_index.rs writes. */
function writeManifest() {
  if (!existsSync(OUT)) return { corpora: [] };
  const corpora = readdirSync(OUT)
    .filter((f) => f.endsWith('.fahras.json'))
    .map((f) => JSON.parse(readFileSync(path.join(OUT, f), 'utf8')))
    .filter((s) => existsSync(path.join(OUT, `${s.name}.fahras`)))
    .map((s) => ({ ...s, file: `${s.name}.fahras`, set: s.corpus === 'quran' ? 'quran' : 'news' }))
    .sort((a, b) => {
      const ia = ORDER.indexOf(a.name), ib = ORDER.indexOf(b.name);
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.documents - b.documents;
    });
  const manifest = { corpora };
  writeFileSync(path.join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

function size(file) {
  if (!file || !existsSync(file)) return null;
  const bytes = readFileSync(file);
  return { file: path.relative(ROOT, file), bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

function sizes() {
  const s = {
    wasmWithSeedIndex: size(path.join(ROOT, 'www/pkg/fahras_bg.wasm')),
    wasmWithoutIndex: size(process.env.FAHRAS_WASM_NO_INDEX),
    glueJs: size(path.join(ROOT, 'www/pkg/fahras.js')),
    widgetJs: size(path.join(ROOT, 'www/fahras.js')),
    seedIndex: size(path.join(ROOT, 'www/pkg/seed.fahras')),
    minifiedWidgetJs: size(path.join(ROOT, 'www/dist/fahras.js')),
    minifiedGlueJs: size(path.join(ROOT, 'www/dist/pkg/fahras.js')),
  };
  const total = (what, parts) =>
    parts.every(Boolean)
      ? { what, bytes: parts.reduce((n, p) => n + p.bytes, 0), gzip: parts.reduce((n, p) => n + p.gzip, 0) }
      : null;
  s.widgetCode = total('www/fahras.js + www/pkg/fahras.js + wasm without the index, each gzipped -9', [
    s.widgetJs,
    s.glueJs,
    s.wasmWithoutIndex,
  ]);
  s.minifiedWidgetCode = total('www/dist/fahras.js + www/dist/pkg/fahras.js + wasm without the index, each gzipped -9', [
    s.minifiedWidgetJs,
    s.minifiedGlueJs,
    s.wasmWithoutIndex,
  ]);
  return s;
}

function git() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT }).toString().trim() !== '';
    return { commit, dirty };
  } catch {
    return null;
  }
}

const headers = isolation
  ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }
  : {};

const manifest = writeManifest();
const server = await serve({ root: ROOT, port: flag('--serve') ? 8090 : 0, headers });
if (flag('--serve')) {
  console.log(`fahras benchmark: ${server.url}bench/ (Ctrl-C to stop)`);
  await new Promise(() => {});
}

const corpora = manifest.corpora.filter((c) => !only || only.includes(c.name));
if (corpora.length === 0) {
  console.error('bench/run.mjs: no index in bench/out/ (run scripts/bench.sh, or examples/bench_index.rs)');
  await server.close();
  process.exit(1);
}

const loadBefore = os.loadavg();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });
const results = [];
let failed = false;
try {
  for (const corpus of corpora) {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('pageerror', (err) => console.error(`[${corpus.name}] page error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') console.error(`[${corpus.name}] console: ${msg.text()}`);
    });
    process.stderr.write(`[bench] ${corpus.name}: ${corpus.documents} documents…\n`);
    await page.goto(`${server.url}bench/index.html?corpus=${encodeURIComponent(corpus.name)}&budget=${budget}&limit=${limit}`);
    await page.waitForFunction(() => window.benchDone === true, null, { timeout: 20 * 60 * 1000, polling: 500 });
    const result = await page.evaluate(() => window.benchResult);
    await context.close();
    if (!result || result.error) {
      console.error(`[bench] ${corpus.name} failed: ${result?.error ?? 'no result'}`);
      failed = true;
      continue;
    }
    if (result.failures.length) {
      console.error(`[bench] ${corpus.name}: these queries found nothing: ${result.failures.join(' | ')}`);
      failed = true;
    }
    results.push({ ...result, gzipBytes: corpus.gzipBytes, nativeBuildSeconds: corpus.buildSeconds });
  }
} finally {
  await browser.close();
  await server.close();
}

const report = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    chromium: browser.version(),
    node: process.version,
    loadAverage: { before: loadBefore.map((x) => +x.toFixed(2)), after: os.loadavg().map((x) => +x.toFixed(2)) },
  },
  git: git(),
  limit,
  timing: isolation
    ? 'cross-origin isolated (COOP same-origin + COEP require-corp): performance.now() resolution as measured in timerResolutionMs; every call timed on its own'
    : 'not isolated: performance.now() coarsened (100 µs in Chromium); every call timed on its own',
  sizes: sizes(),
  corpora: results,
};
writeFileSync(path.join(OUT, resultsFile), JSON.stringify(report, null, 2) + '\n');

// The table.
const ms = (x) => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));
const kb = (b) => (b / 1024).toFixed(1) + ' KB';
const mb = (b) => (b / 2 ** 20).toFixed(1) + ' MB';
const bytes = (b) => (b >= 2 ** 20 ? mb(b) : kb(b));
const pad = (s, n) => String(s).padEnd(n);
console.log(`\nChromium ${report.machine.chromium}, ${report.machine.cpus} cores (${report.machine.cpuModel}), ${report.date.slice(0, 10)}; load average ${report.machine.loadAverage.before[0]} before, ${report.machine.loadAverage.after[0]} after`);
console.log(`engine: engine.search(query, { limit: ${limit} }); widget: the same with the facet counts the widget asks for (the facets of its panel that each index has, facetLimit ${results[0]?.options?.widget?.facetLimit ?? '-'}, months while the last results' years spanned at most two)`);
console.log(`timer: ${report.timing}; measured resolution ${results.map((r) => (r.timerResolutionMs * 1000).toFixed(1) + ' µs').join(', ')}\n`);
console.log(
  [pad('corpus', 8), pad('docs', 7), pad('index (gzip)', 22), pad('load ms', 9), pad('wasm mem', 9), pad('options', 8),
    pad('whole p50/p95/p99/max ms', 30), pad('as-you-type p50/p95/p99/max ms', 30), 'batch mean ms'].join(' '),
);
const MODES = ['engine', 'widget'];
for (const r of results) {
  const q = (s) => `${ms(s.p50)}/${ms(s.p95)}/${ms(s.p99)}/${ms(s.max)}`;
  for (const mode of MODES) {
    const m = r[mode];
    console.log(
      [pad(r.name, 8), pad(r.documents, 7), pad(`${bytes(r.indexBytes)} (${bytes(r.gzipBytes)})`, 22), pad(ms(r.loadMsMedian), 9),
        pad(mb(r.memoryAfterLoadBytes), 9), pad(mode, 8), pad(q(m.whole), 30), pad(q(m.typing), 30), ms(m.batchMeanMs)].join(' '),
    );
  }
}
console.log('\nslowest queries (median ms):');
for (const r of results) {
  for (const mode of MODES) {
    console.log(`  ${pad(r.name, 8)} ${pad(mode, 7)} ${r[mode].slowest.map((s) => `${JSON.stringify(s.query)} ${ms(s.median)}`).join(', ')}`);
  }
}
const s = report.sizes;
console.log('\nsizes (bytes, gzip -9):');
for (const [k, v] of Object.entries(s)) {
  if (v) console.log(`  ${pad(k, 18)} ${pad(v.bytes, 9)} ${pad(v.gzip, 8)} ${v.file ?? v.what}`);
}
console.log(`\nwrote ${path.relative(ROOT, path.join(OUT, resultsFile))}`);
process.exit(failed ? 1 : 0);
