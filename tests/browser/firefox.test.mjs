// The widget in Firefox (Gecko), not only Chromium: Debian's Firefox ESR driven over
// WebDriver BiDi by puppeteer-core (Playwright's Firefox needs its own patched build, which
// cannot be downloaded here). The real engine only: what differs between browsers is the
// page, not the mock.
//
//   node --test tests/browser/firefox.test.mjs
//
// FIREFOX overrides the browser's path (default /usr/bin/firefox-esr). Without Firefox the
// tests are skipped, unless FAHRAS_REQUIRE_REAL=1 (CI), which fails them instead.
// Screenshots go to test-results/firefox-*.png and their paths are printed.

import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { HAVE_REAL_PKG, PAGES_DIR, loadCorpus, docText, startServer, until, screenshotPath, fold, TELEGRAM_RE } from './helpers.mjs';

const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
const REQUIRED = process.env.FAHRAS_REQUIRE_REAL === '1';
const skip = !REQUIRED && (!existsSync(FIREFOX) || !HAVE_REAL_PKG)
  ? `needs ${FIREFOX} and www/pkg (scripts/setup.sh, scripts/build-wasm.sh)`
  : false;

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

let browser;
let server;
let cspServer;

before(async () => {
  if (skip) return;
  if (!existsSync(FIREFOX)) throw new Error(`FAHRAS_REQUIRE_REAL=1 but there is no Firefox at ${FIREFOX} (scripts/setup.sh installs firefox-esr)`);
  if (!HAVE_REAL_PKG) throw new Error('FAHRAS_REQUIRE_REAL=1 but www/pkg is not built (run scripts/build-wasm.sh)');
  browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  server = await startServer();
  cspServer = await startServer({ mounts: { '/t/': PAGES_DIR }, headers: { 'Content-Security-Policy': CSP } });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await cspServer?.close();
});

/** A fresh page on the demo at `width`, collecting page errors and console errors. */
async function openDemo(width, query = '') {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.setViewport({ width, height: 900 });
  await page.goto(`${server.url}index.html${query}`, { waitUntil: 'load' });
  return { page, errors };
}

/** What the widget shows, read from its shadow root. */
function shown(page) {
  return page.$eval('fahras-search', (el) => {
    const root = el.shadowRoot;
    const all = (sel) => [...root.querySelectorAll(sel)];
    const visible = (e) => e && !e.closest('[hidden]') && e.getClientRects().length > 0;
    const suggestion = root.querySelector('[part="suggestion"]');
    return {
      status: root.querySelector('[part="status"]')?.textContent ?? '',
      titles: all('[part="option"] [part="title"]').map((t) => t.textContent),
      marks: all('[part="option"] mark').map((m) => m.textContent),
      suggestion: visible(suggestion) ? suggestion.textContent : null,
      input: root.querySelector('[part="input"]').value,
    };
  });
}

async function typeInto(page, text) {
  const input = await page.waitForSelector('fahras-search >>> [part="input"]');
  await input.click();
  await page.keyboard.type(text, { delay: 40 });
}

describe('the widget in Firefox ESR', { skip }, () => {
  test('typing finds and marks the articles, in RTL, with no page error', async () => {
    const { page, errors } = await openDemo(1280);
    await typeInto(page, 'تيليجرام داعش');
    const expected = loadCorpus().filter((d) => /داعش/.test(docText(d)) && /ت[ي]?ل[ي]?[جغك]را?م/.test(fold(docText(d))));
    const seen = await until(async () => {
      const s = await shown(page);
      return s.titles.length === expected.length && s;
    }, `${expected.length} results`);
    assert.ok(seen.marks.some((m) => m.includes('داعش')), `marks: ${seen.marks.join(' | ')}`);
    assert.ok(seen.marks.some((m) => /ت[ي]?ل[ي]?[جغ]را?م/.test(fold(m))), `marks: ${seen.marks.join(' | ')}`);
    const dir = await page.$eval('fahras-search', (el) => getComputedStyle(el.shadowRoot.querySelector('[part="base"]')).direction);
    assert.equal(dir, 'rtl');
    const shot = screenshotPath('firefox-wide.png');
    await page.screenshot({ path: shot });
    console.log(`# screenshot: ${shot}`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the screen-reader table of the timeline does not show over the date range', async () => {
    // Firefox draws a table's <caption> outside the table's box: hidden on the table
    // itself, the caption showed over the date range's legend.
    const { page } = await openDemo(1280);
    await typeInto(page, 'داعش');
    await until(async () => (await shown(page)).titles.length > 0, 'results');
    const hit = await page.$eval('fahras-search', (el) => {
      const root = el.shadowRoot;
      const caption = root.querySelector('[part="timeline"] caption');
      const r = caption.getBoundingClientRect();
      const top = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { caption: caption.textContent, shows: top === caption || caption.contains(top), onTop: top?.textContent.slice(0, 40) ?? '' };
    });
    assert.ok(hit.caption, 'the timeline has its table');
    assert.ok(!hit.shows, `the caption «${hit.caption}» is what shows where it is`);
    await page.close();
  });

  test('a typo gets "did you mean", clicking it searches the word, and × clears it', async () => {
    const { page } = await openDemo(1280);
    await typeInto(page, 'داعس ');
    const seen = await until(async () => {
      const s = await shown(page);
      return s.suggestion && s;
    }, 'a suggestion');
    assert.match(seen.suggestion, /داعش/);
    const button = await page.waitForSelector('fahras-search >>> [part="suggestion"]');
    await button.click();
    const after = await until(async () => {
      const s = await shown(page);
      return s.input.includes('داعش') && s.titles.length > 0 && s;
    }, 'the suggestion searched');
    assert.ok(after.marks.some((m) => m.includes('داعش')));
    // Firefox draws no clear button in a search field: the widget's own clears it.
    const erase = await page.waitForSelector('fahras-search >>> [part="erase"]', { visible: true });
    await erase.click();
    const cleared = await until(async () => {
      const s = await shown(page);
      return s.input === '' && s.titles.length === 0 && s;
    }, 'the input cleared');
    assert.equal(cleared.input, '');
    await page.close();
  });

  test('at 360 px, results fit the width and keyboard moves through them', async () => {
    const { page, errors } = await openDemo(360);
    await typeInto(page, 'قناة');
    await until(async () => (await shown(page)).titles.length > 0, 'results');
    // Broken plurals in Gecko too: قناة also marks قنوات.
    const seen = await shown(page);
    assert.ok(seen.marks.some((m) => m.includes('قنوات')), `marks: ${seen.marks.join(' | ')}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await page.keyboard.press('ArrowDown');
    const active = await page.$eval('fahras-search', (el) => {
      const root = el.shadowRoot;
      const input = root.querySelector('[part="input"]');
      const id = input.getAttribute('aria-activedescendant');
      return id ? root.getElementById(id)?.textContent ?? '' : '';
    });
    assert.ok(active.length > 0, 'ArrowDown makes a result the active option');
    const shot = screenshotPath('firefox-narrow.png');
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`# screenshot: ${shot}`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('in English, left to right', async () => {
    const { page } = await openDemo(1280);
    await page.$eval('fahras-search', (el) => {
      el.setAttribute('lang', 'en');
      el.setAttribute('dir', 'ltr');
    });
    await typeInto(page, 'Telegram');
    await until(async () => (await shown(page)).titles.length > 0, 'results');
    const { status } = await shown(page);
    assert.match(status, /result/i);
    const dir = await page.$eval('fahras-search', (el) => getComputedStyle(el.shadowRoot.querySelector('[part="base"]')).direction);
    assert.equal(dir, 'ltr');
    const shot = screenshotPath('firefox-ltr.png');
    await page.screenshot({ path: shot });
    console.log(`# screenshot: ${shot}`);
    await page.close();
  });

  test('the minified copy (www/dist) under a strict CSP: on the main thread and in a worker', async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${cspServer.url}t/minified.html`, { waitUntil: 'load' });
    for (const id of ['main', 'worker']) {
      const input = await page.waitForSelector(`#${id} >>> [part="input"]`);
      await input.click();
      await page.keyboard.type('تلغرام', { delay: 40 });
      const marks = await until(() => page.$eval(`#${id}`, (el) => {
        const all = [...el.shadowRoot.querySelectorAll('[part="option"] mark')].map((m) => m.textContent);
        return el.state === 'results' && all.length > 0 && all;
      }), `${id}: results`);
      assert.ok(marks.some((m) => TELEGRAM_RE.test(fold(m))), `${id}: marks ${marks.join(' | ')}`);
    }
    assert.deepEqual(errors, [], 'no CSP violation, no page error');
    await page.close();
  });

  test('modal: "/" opens the dialog with the keyboard in it, Escape closes it back to the trigger', async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${cspServer.url}t/modal.html`, { waitUntil: 'load' });
    await page.waitForSelector('fahras-search >>> [part="trigger"]');
    const state = () => page.$eval('fahras-search', (el) => {
      const dialog = el.shadowRoot.querySelector('dialog');
      return { open: dialog.open && dialog.matches(':modal'), focus: el.shadowRoot.activeElement?.getAttribute('part') ?? null };
    });
    await page.keyboard.press('/');
    const opened = await until(async () => {
      const s = await state();
      return s.open && s;
    }, 'the dialog open');
    assert.equal(opened.focus, 'input', 'the keyboard is in the search field');
    await page.keyboard.type('تيليجرام', { delay: 40 });
    await until(async () => (await shown(page)).titles.length >= 2, 'results in the dialog');
    // Tab stays in the dialog.
    for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
    assert.ok(await page.$eval('fahras-search', (el) => el.shadowRoot.querySelector('dialog').contains(el.shadowRoot.activeElement)), 'Tab stays in the dialog');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    const closed = await until(async () => {
      const s = await state();
      return !s.open && s;
    }, 'the dialog closed');
    assert.equal(closed.focus, 'trigger', 'the keyboard is back on the trigger');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('choosing a platform filters the results, and a reload keeps it', async () => {
    const { page, errors } = await openDemo(1280);
    await typeInto(page, 'داعش');
    await until(async () => (await shown(page)).titles.length > 0, 'results');
    const chip = await page.waitForSelector('fahras-search >>> [part="facet-value"][data-facet="platform"]', { visible: true });
    const { value, count } = await chip.evaluate((c) => ({ value: c.dataset.value, count: Number(c.querySelector('[part="facet-count"]').textContent.replace(/[٠-٩]/g, (d) => '٠١٢٣٤٥٦٧٨٩'.indexOf(d))) }));
    await chip.click();
    const filtered = await until(async () => {
      const r = await page.$eval('fahras-search', (el) => el.state === 'results' && el.results && { total: el.results.total, filters: el.filters });
      return r && r.filters.platform?.includes(value) && r;
    }, `filtered by ${value}`);
    assert.equal(filtered.total, count, 'as many results as the chip said');
    await until(() => new URL(page.url()).searchParams.getAll('q.f.platform').includes(value), 'the filter in the URL');
    await page.reload({ waitUntil: 'load' });
    const restored = await until(() => page.$eval('fahras-search', (el) => el.state === 'results' && { total: el.results.total, filters: el.filters }), 'restored');
    assert.deepEqual(restored.filters, filtered.filters);
    assert.equal(restored.total, count);
    assert.deepEqual(errors, []);
    await page.close();
  });
  test('inline, a double-click selects a word of a result and opens nothing; a click opens it', async () => {
    const { page, errors } = await openDemo(1100);
    await typeInto(page, 'داعش');
    await until(async () => (await shown(page)).titles.length > 0, 'results');
    await page.evaluate(() => {
      window.__selects = 0;
      document.addEventListener('fahras-search-select', () => window.__selects++);
    });
    const box = await page.$eval('fahras-search', (el) => {
      const r = el.shadowRoot.querySelector('[part="snippet"]').getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width };
    });
    const [x, y] = [box.x + box.width - 40, box.y + 10];
    await page.mouse.click(x, y, { count: 2, clickCount: 2 });
    await new Promise((resolve) => setTimeout(resolve, 700));
    const word = await page.$eval('fahras-search', (el) => String(el.shadowRoot.getSelection?.() ?? document.getSelection()).trim());
    assert.ok(word.length >= 2 && !/\s/.test(word), `a word selected: «${word}»`);
    assert.equal(new URL(page.url()).pathname, '/index.html', 'the double-click opened nothing');
    assert.equal(await page.evaluate(() => window.__selects), 0, 'no select event');
    await Promise.all([page.waitForNavigation(), page.mouse.click(x, y)]);
    assert.match(page.url(), /\/articles\/[^/]+\.html$/);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
