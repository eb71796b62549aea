// Shared helpers for the browser tests (not a test file itself).
import { existsSync, readFileSync, readdirSync, mkdirSync, statSync, copyFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WWW = path.join(ROOT, 'www');
export const RESULTS_DIR = path.join(ROOT, 'test-results');
/** Static test pages, served under /t/ (see startServer's mounts). */
export const PAGES_DIR = path.join(ROOT, 'tests', 'browser', 'fixtures', 'pages');
export const HOSTILE_CORPUS = path.join(ROOT, 'tests', 'browser', 'fixtures', 'hostile-corpus');
export const MIXED_SCRIPT_CORPUS = path.join(ROOT, 'tests', 'browser', 'fixtures', 'mixed-script-corpus');

/** Is the real wasm-bindgen package built? FAHRAS_MOCK=1 forces the mock anyway. */
export const HAVE_REAL_PKG =
  existsSync(path.join(WWW, 'pkg', 'fahras.js')) && existsSync(path.join(WWW, 'pkg', 'fahras_bg.wasm'));
export const USE_REAL = HAVE_REAL_PKG && process.env.FAHRAS_MOCK !== '1';

/** Fails a suite run with `FAHRAS_REQUIRE_REAL=1` when the real engine (www/pkg) is not built. */
export function requireRealPkg() {
  if (process.env.FAHRAS_REQUIRE_REAL === '1' && !HAVE_REAL_PKG) {
    throw new Error('FAHRAS_REQUIRE_REAL=1 but www/pkg is not built (run scripts/build-wasm.sh)');
  }
}

/** The seed corpus records (corpus/*.json). */
export function loadCorpus() {
  const dir = path.join(ROOT, 'corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
}

export function docText(doc) {
  return [doc.title, doc.subtitle ?? '', ...(doc.body ?? [])].join('\n');
}

/** The source of the mock pkg module, serving `docs` (and `options`, see fixtures/mock-pkg.js). */
export function mockPkgSource(docs, options = {}) {
  const src = readFileSync(path.join(ROOT, 'tests', 'browser', 'fixtures', 'mock-pkg.js'), 'utf8');
  return src.replace('/*__DOCS__*/ []', JSON.stringify(docs)).replace('/*__OPTIONS__*/ {}', JSON.stringify(options));
}

/** An index file the mock engine reads with `new SearchEngine(bytes)`. */
export function mockIndexBytes(docs, version = 1) {
  return Buffer.from('FAHRAS-MOCK\n' + JSON.stringify({ version, docs }), 'utf8');
}

/** Serve pkg/fahras.js from the mock (for this page or context). */
export async function routeMockPkg(target, docs, options = {}) {
  const body = mockPkgSource(docs, options);
  await target.route('**/pkg/fahras.js', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body }),
  );
}

/**
 * A fresh context (reduced motion, and `contextOptions`: viewport, locale, colorScheme…) and
 * page at `url`. The page's errors, and the errors and warnings of its console and its
 * workers' consoles, are collected in `errors`.
 */
export async function openPage(browser, url, contextOptions = {}) {
  const context = await browser.newContext({ reducedMotion: 'reduce', ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  const onConsole = (where) => (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') errors.push(`${where} ${msg.type()}: ${msg.text()}`);
  };
  page.on('console', onConsole('page'));
  page.on('worker', (worker) => worker.on('console', onConsole('worker')));
  const response = await page.goto(url);
  return { context, page, errors, response };
}

export async function launch() {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--font-render-hinting=none'] });
}

export async function startServer(options = {}) {
  return serve({ root: WWW, port: 0, ...options });
}

/** Poll an async condition until it is truthy (or throw with `message` after `timeout` ms). */
export async function until(fn, message = 'condition', timeout = 8000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${message} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function screenshotPath(name) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  return path.join(RESULTS_DIR, name);
}

/** Arabic normalisation for assertions: no diacritics/tatweel, hamza forms folded. */
export function fold(s) {
  return s
    .replace(/[\u0610-\u061A\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه');
}

/** The spellings of Telegram in the corpus (and common others). */
export const TELEGRAM_RE = /ت[ي]?ل[ي]?[جغك]را?م/;

/**
 * Runs the project's CLI (`fahras …`): FAHRAS_BIN when set (a prebuilt binary), else `cargo
 * run --release`, without the wasm-only toolchain variables (like scripts/test.sh). Returns
 * spawnSync's result ({ status, stdout, stderr }).
 */
export function runFahras(args) {
  const env = { ...process.env };
  for (const name of ['RUSTC', 'RUSTDOC', 'RUSTC_BOOTSTRAP', 'CARGO_UNSTABLE_BUILD_STD']) delete env[name];
  const [command, prefix] = process.env.FAHRAS_BIN
    ? [process.env.FAHRAS_BIN, []]
    : ['cargo', ['run', '--quiet', '--release', '--bin', 'fahras', '--']];
  const run = spawnSync(command, [...prefix, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 600_000 });
  if (run.error) throw run.error;
  return run;
}

/**
 * Build a real index from tests/browser/fixtures/hostile-corpus with the project's CLI
 * (`fahras build <folder> --out <tmp>/build/hostile.fahras`) and return a folder holding it
 * as hostile.fahras, to serve. The CLI writes either the index file itself or (newer
 * versions, given a folder) a folder with index.<hash>.fahras: both are handled.
 */
export function buildHostileIndex(tmpDir) {
  return buildFixtureIndex(HOSTILE_CORPUS, tmpDir, 'hostile');
}

/**
 * Build a real index from the corpus folder `corpusDir` with the project's CLI and return a
 * folder holding it as `<name>.fahras`, to serve (see buildHostileIndex).
 */
export function buildFixtureIndex(corpusDir, tmpDir, name) {
  const target = path.join(tmpDir, 'build', `${name}.fahras`);
  mkdirSync(path.dirname(target), { recursive: true });
  const run = runFahras(['build', corpusDir, '--out', target]);
  if (run.status !== 0) throw new Error(`building the ${name} index failed:\n${run.stderr}`);
  let file = target;
  if (statSync(target).isDirectory()) {
    const names = readdirSync(target);
    const index = names.find((f) => /^index\..*\.fahras$/.test(f)) ?? names.find((f) => f.endsWith('.fahras'));
    if (!index) throw new Error(`no .fahras index in ${target}: ${names.join(', ')}`);
    file = path.join(target, index);
  }
  const serveDir = path.join(tmpDir, 'serve');
  mkdirSync(serveDir, { recursive: true });
  copyFileSync(file, path.join(serveDir, `${name}.fahras`));
  return serveDir;
}

/**
 * Run axe-core in the page (all rules, all impact levels); returns the violations, summarised.
 *
 * One false positive is dropped: axe-core takes a page's skip link («انتقل إلى البحث», an
 * in-page link) for content outside its landmarks ("region") when the page's first link to
 * another page is inside a shadow root, as the widget's results are (each is a link): it
 * checks that the skip link comes first with compareDocumentPosition, which across a shadow
 * root answers "disconnected", never "following". A region violation whose every node is an
 * in-page link is that.
 */
export async function axeViolations(page, context = undefined) {
  const has = await page.evaluate(() => typeof window.axe === 'object');
  if (!has) await page.addScriptTag({ path: path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
  return page.evaluate(async (ctx) => {
    const r = await window.axe.run(ctx ?? document, { resultTypes: ['violations'], elementRef: true });
    const skipLinks = (v) => v.id === 'region' && v.nodes.every((n) => n.element?.matches('a[href^="#"]'));
    return r.violations
      .filter((v) => !skipLinks(v))
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`).slice(0, 4) }));
  }, context);
}

/** Misspellings the seed corpus can correct ("did you mean"); the engine decides which do. */
const TYPO_CANDIDATES = ['داعس ', 'رايوتت ', 'يوروبولل ', 'الارهابيينن ', 'داعشش ', 'تليجرامم ', 'تيليجرم ', 'يوروبل '];

let nodeEngine = null;
/** The real engine (www/pkg) with its embedded index, in Node: to ask it what it will answer. */
async function realEngine() {
  if (!nodeEngine) {
    const mod = await import(pathToFileURL(path.join(WWW, 'pkg', 'fahras.js')).href);
    await mod.default({ module_or_path: readFileSync(path.join(WWW, 'pkg', 'fahras_bg.wasm')) });
    nodeEngine = mod.SearchEngine.embedded();
  }
  return nodeEngine;
}

/**
 * A misspelled query for which the real engine suggests a correction and finds at least
 * `minTotal` articles: { query, suggestion, total }. The suggestion algorithm (and the
 * stemmer behind it) is the engine's business and changes; the widget tests need one that
 * works today, so they ask the engine instead of hard-coding one.
 */
export async function findTypo({ minTotal = 1 } = {}) {
  const engine = await realEngine();
  const tried = [];
  for (const query of TYPO_CANDIDATES) {
    const r = engine.search(query, { limit: 1 });
    tried.push(`${query.trim()}→${r.suggestion ?? '∅'} (${r.total})`);
    if (r.suggestion && r.total >= minTotal) return { query, suggestion: r.suggestion, total: r.total };
  }
  throw new Error(`the engine suggests no correction (with ≥${minTotal} results) for any of: ${tried.join(', ')}`);
}
