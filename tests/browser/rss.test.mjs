// End to end: a news site's RSS feed → `fahras build` → a static folder → the widget in
// headless Chromium finds the feed's item.
//
//   node --test tests/browser/rss.test.mjs
//
// Needs the real widget (www/pkg, built by scripts/build-wasm.sh): the index is a real one,
// so no mock engine can read it. Without www/pkg the test is skipped, unless
// FAHRAS_REQUIRE_REAL=1 (CI), which makes it fail. The CLI is run with `cargo run --release`,
// or FAHRAS_BIN when set (a prebuilt binary).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { runFahras as fahras } from './helpers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FEED = path.join(ROOT, 'tests', 'fixtures', 'ingest', 'e2e', 'akhbar.rss');
const HAVE_WIDGET = ['fahras.js', 'pkg/fahras.js', 'pkg/fahras_bg.wasm'].every((f) => existsSync(path.join(ROOT, 'www', f)));
const SKIP = !HAVE_WIDGET && process.env.FAHRAS_REQUIRE_REAL !== '1' && 'www/pkg is not built (run scripts/build-wasm.sh)';

let site;
let server;
let browser;
let snippet;

before(async () => {
  if (SKIP) return;
  if (!HAVE_WIDGET) throw new Error('FAHRAS_REQUIRE_REAL=1 but www/pkg is not built (run scripts/build-wasm.sh)');
  site = mkdtempSync(path.join(tmpdir(), 'fahras-rss-'));
  const run = fahras(['build', FEED, '--out', path.join(site, 'fahras'), '--assets', path.join(ROOT, 'www'), '--base-url', '/fahras/']);
  assert.equal(run.status, 0, `fahras build failed:\n${run.stderr}`);
  snippet = run.stdout.trim();
  // The page embeds exactly what the CLI printed.
  writeFileSync(
    path.join(site, 'index.html'),
    `<!doctype html>\n<html lang="ar" dir="rtl">\n<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>أخبار الواحة</title></head>\n<body>\n<h1>أخبار الواحة</h1>\n${snippet}\n</body>\n</html>\n`,
  );
  server = await serve({ root: site, port: 0 });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

test('the build prints a snippet naming the content-hashed index it wrote', { skip: SKIP }, () => {
  const index = readdirSync(path.join(site, 'fahras')).find((f) => /^index\.[0-9a-f]{8}\.fahras$/.test(f));
  assert.ok(index, 'an index.<hash8>.fahras file');
  assert.equal(
    snippet,
    `<script type="module" src="/fahras/fahras.js"></script>\n<fahras-search src="/fahras/${index}"></fahras-search>`,
  );
});

test('a reader finds the RSS item by typing into the widget', { skip: SKIP }, async () => {
  const context = await browser.newContext({ locale: 'ar' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(new Error(msg.text()));
  });
  try {
    await page.goto(server.url);
    // fahras-search → shadowRoot → input[role=combobox]
    const hasShadowInput = await page.evaluate(
      () => !!document.querySelector('fahras-search')?.shadowRoot?.querySelector('input[role=combobox]'),
    );
    assert.ok(hasShadowInput, 'the element renders its combobox in an open shadow root');
    const input = page.locator('fahras-search').locator('input[role=combobox]');
    await input.click();
    // "تمور" without the article: the engine finds «التمور».
    await input.pressSequentially('تمور', { delay: 20 });
    const option = page.locator('fahras-search').locator('[role=option]', { hasText: 'مزارعو سيوة يحتفلون بموسم التمور' });
    await option.first().waitFor({ state: 'visible', timeout: 15_000 });
    const titles = await page.locator('fahras-search').locator('[role=option]').allInnerTexts();
    assert.ok(
      titles.every((t) => !t.includes('متحف للحِرَف')),
      `only the matching item is listed: ${JSON.stringify(titles)}`,
    );
    assert.deepEqual(errors.map(String), []);
  } finally {
    await context.close();
  }
});
