// The facet panel on an archive whose tag facet has more values than the widget lists: the
// engine sends a facet's most frequent values and how many it has; the widget shows the top
// ones, offers "the top 50 of N", fetches them when the reader expands the facet, keeps a
// chosen value in view, and shows a timeline by month when the years are few.
//
//   FAHRAS_REQUIRE_REAL=1 node --test tests/browser/many-values.test.mjs
//
// The archive is generated here (120 articles, 81 tags) and built with the CLI (`cargo run`,
// or FAHRAS_BIN); every expectation is computed from it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, HAVE_REAL_PKG, launch, until, screenshotPath, runFahras } from './helpers.mjs';
import { serve } from '../../scripts/serve.mjs';

const SKIP = !HAVE_REAL_PKG && process.env.FAHRAS_REQUIRE_REAL !== '1' && 'www/pkg is not built (run scripts/build-wasm.sh)';

/** Article i: tag «وسم j» for j = i mod 80 (so the first 40 tags twice, the others once), one tag every article has, and a date in 2025 or 2026. */
const ARTICLES = Array.from({ length: 120 }, (_, i) => ({
  id: `a${i}`,
  title: `تقرير رقم ${i} عن نشاط داعش على الإنترنت`,
  body: [`نص التقرير ${i}: انتقل أنصار التنظيم إلى تطبيقات أخرى.`],
  published: `${2025 + (i % 2)}-${String(1 + (i % 12)).padStart(2, '0')}-15`,
  tags: [`وسم ${i % 80}`, 'متابعة'],
}));
// Two old articles without tags: «داعش» spans 2010–2026 (a timeline by year), «تقرير» 2025–2026.
ARTICLES.push(
  { id: 'old1', title: 'أرشيف قديم عن داعش', body: ['خبر من الأرشيف.'], published: '2010-03-01' },
  { id: 'old2', title: 'أرشيف آخر عن داعش', body: ['خبر آخر من الأرشيف.'], published: '2015-07-01' },
);
const TAGS = new Map();
for (const a of ARTICLES) for (const t of a.tags ?? []) TAGS.set(t, (TAGS.get(t) ?? 0) + 1);
/** The tags by count, most first, ties in value order (as the engine orders them). */
const BY_COUNT = [...TAGS].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const latin = (s) => String(s).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));

let site;
let server;
let browser;

before(async () => {
  if (SKIP) return;
  if (!HAVE_REAL_PKG) throw new Error('FAHRAS_REQUIRE_REAL=1 but www/pkg is not built (run scripts/build-wasm.sh)');
  site = mkdtempSync(path.join(tmpdir(), 'fahras-many-'));
  const input = path.join(site, 'articles');
  mkdirSync(input);
  writeFileSync(path.join(input, 'articles.json'), JSON.stringify(ARTICLES));
  const run = runFahras(['build', input, '--out', path.join(site, 'fahras'), '--assets', path.join(ROOT, 'www'), '--base-url', '/fahras/']);
  assert.equal(run.status, 0, `fahras build failed:\n${run.stderr}`);
  assert.ok(readdirSync(path.join(site, 'fahras')).some((f) => f.endsWith('.fahras')));
  const page = (snippet) =>
    `<!doctype html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>أرشيف</title></head>\n<body>\n${snippet}\n</body></html>\n`;
  writeFileSync(path.join(site, 'index.html'), page(run.stdout.trim()));
  // The same with the engine in a Web Worker.
  writeFileSync(path.join(site, 'worker.html'), page(run.stdout.trim().replace('<fahras-search ', '<fahras-search worker ')));
  server = await serve({ root: site, port: 0 });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

/** The tag chips shown, in order: [value, count as a number]. */
const tagChips = (host) =>
  host.evaluate((el) =>
    [...el.shadowRoot.querySelectorAll('[part="facet-value"][data-facet="tag"]')].map((chip) => [chip.dataset.value, chip.querySelector('[part="facet-count"]').textContent]),
  );

for (const [where, file] of [['main thread', ''], ['worker', 'worker.html']]) test(`${where}: a facet with more values than the widget lists: the top ones, then the top 50 of all, fetched on expanding`, { skip: SKIP }, async () => {
  const context = await browser.newContext({ locale: 'ar', viewport: { width: 1280, height: 1000 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  try {
    await page.goto(new URL(file, server.url).href);
    const host = page.locator('fahras-search');
    await host.evaluate((el) => el.addEventListener('fahras-search-results', (e) => window.__last = e.detail));
    const input = host.locator('input[role=combobox]');
    await input.click();
    await input.pressSequentially('داعش', { delay: 15 });
    await until(async () => (await tagChips(host)).length > 0 && (await page.evaluate(() => window.__last?.query)) === 'داعش', 'the tag facet');
    assert.equal(page.workers().length, file ? 1 : 0, `the engine runs in ${where}`);
    // Six shown, the most frequent first, with their counts.
    const shown = (await tagChips(host)).map(([v, c]) => [v, Number(latin(c))]);
    assert.deepEqual(shown, BY_COUNT.slice(0, 6));
    const more = host.locator('[part="facet-more"][data-facet="tag"]');
    const label = latin(await more.textContent());
    assert.ok(label.includes('50') && label.includes(String(TAGS.size)), `the button offers the top 50 of ${TAGS.size}: ${label}`);
    // «داعش» spans 2010–2026: a bar per year (and no months counted).
    const periods = () => host.evaluate((el) => [...el.shadowRoot.querySelectorAll('[part="bar"]')].map((b) => b.dataset.period));
    await until(async () => (await periods()).length === 17, '17 yearly bars, 2010–2026');
    assert.equal(await page.evaluate(() => 'month' in (window.__last?.facets ?? {})), false);
    await page.screenshot({ path: screenshotPath('many-values-collapsed.png'), fullPage: true });

    // Expanding fetches the top 50.
    await more.click();
    await until(async () => (await tagChips(host)).length === 50, '50 tag chips');
    const expanded = (await tagChips(host)).map(([v, c]) => [v, Number(latin(c))]);
    assert.deepEqual(expanded, BY_COUNT.slice(0, 50));
    await page.screenshot({ path: screenshotPath('many-values-expanded.png'), fullPage: true });

    // A tag beyond the first six, chosen, stays in view (pressed) once the facet is folded again.
    const [rare] = BY_COUNT[45];
    await host.locator(`[part="facet-value"][data-facet="tag"][data-value="${rare}"]`).click();
    await until(async () => (await page.evaluate(() => window.__last?.total)) === TAGS.get(rare), `the ${TAGS.get(rare)} articles tagged ${rare}`);
    await more.click(); // fold
    await until(async () => (await tagChips(host)).some(([v]) => v === rare) && (await tagChips(host)).length <= 7, 'the chosen tag among the top six');
    const pressed = await host.locator(`[part="facet-value"][data-facet="tag"][data-value="${rare}"]`).getAttribute('aria-pressed');
    assert.equal(pressed, 'true');

    // «تقرير», without the chosen tag, spans 2025–2026: the months are fetched, and the
    // timeline is by month, every month of the two years.
    await host.locator(`[part="facet-value"][data-facet="tag"][data-value="${rare}"]`).click();
    await input.fill('');
    await input.pressSequentially('تقرير', { delay: 15 });
    await until(async () => (await page.evaluate(() => window.__last?.query)) === 'تقرير' && (await periods()).length === 24, '24 monthly bars');
    assert.ok((await periods()).every((p) => /^202[56]-\d{2}$/.test(p)), (await periods()).join(' '));
    assert.equal(await page.evaluate(() => window.__last.facets.month.length), 12, 'twelve months with articles');

    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
