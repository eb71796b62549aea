// Shared helpers for the browser tests (not a test file itself).
import { existsSync, readFileSync, readdirSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WWW = path.join(ROOT, 'www');
export const RESULTS_DIR = path.join(ROOT, 'test-results');

/** Is the real wasm-bindgen package built? FAHRAS_MOCK=1 forces the mock anyway. */
export const HAVE_REAL_PKG =
  existsSync(path.join(WWW, 'pkg', 'fahras.js')) && existsSync(path.join(WWW, 'pkg', 'fahras_bg.wasm'));
export const USE_REAL = HAVE_REAL_PKG && process.env.FAHRAS_MOCK !== '1';

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
