// End-to-end tests of <fahras-search> in headless Chromium, driven as a person
// would: typing into the field, arrow keys, Enter, Escape.
//
//   node --test tests/browser/
//
// Uses the real engine (www/pkg, built by scripts/build-wasm.sh) when it exists,
// else a mock of its module (tests/browser/fixtures/mock-pkg.js) serving the
// same corpus. FAHRAS_MOCK=1 forces the mock; FAHRAS_REQUIRE_REAL=1 fails the
// run when the real package is missing (for CI). Tests about rendering hostile
// text and error states always route the engine module, since they need
// specific engine behaviour.
//
// Screenshots go to test-results/ and their paths are printed.

import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import {
  USE_REAL,
  ROOT,
  loadCorpus,
  docText,
  routeMockPkg,
  mockIndexBytes,
  launch,
  startServer,
  until,
  screenshotPath,
  fold,
  TELEGRAM_RE,
  findTypo,
  PAGES_DIR,
  requireRealPkg,
} from './helpers.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const corpus = loadCorpus();

let browser;
let server;
let cspServer;

before(async () => {
  requireRealPkg();
  console.log(`# engine: ${USE_REAL ? 'REAL wasm (www/pkg)' : 'MOCK (tests/browser/fixtures/mock-pkg.js)'}`);
  browser = await launch();
  server = await startServer();
  cspServer = await startServer({ mounts: { '/t/': PAGES_DIR }, headers: { 'Content-Security-Policy': CSP } });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await cspServer?.close();
});

/** A fresh page on the demo, with the engine (real or mock) wired up. */
async function openDemo({ viewport = { width: 1280, height: 900 }, colorScheme = 'light', base = server.url, mock = !USE_REAL, docs = corpus, mockOptions, pathname = '' } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, locale: 'ar', reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(new Error(msg.text()));
  });
  if (mock) await routeMockPkg(page, docs, mockOptions);
  await page.goto(base + pathname);
  const host = page.locator('fahras-search');
  const input = host.locator('input');
  return { context, page, host, input, errors };
}

/** Visible options (Playwright's CSS engine pierces the open shadow root). */
function optionsOf(host) {
  return host.locator('[role="option"]');
}

async function typeQuery(input, text) {
  await input.click();
  await input.pressSequentially(text, { delay: 15 });
}

/** Wait until the results for `query` are rendered (results or empty state). */
async function waitForSettled(host, query) {
  await until(
    // el.results is the object the rendered list came from, so its query is the one on screen.
    () => host.evaluate((el, q) => (el.state === 'results' || el.state === 'empty') && el.results?.query === q && el.query === q, query),
    `results for «${query}»`,
  );
}

async function snapshot(page, name, options = {}) {
  const file = screenshotPath(name);
  await page.screenshot({ path: file, ...options });
  console.log(`# screenshot: ${path.relative(ROOT, file)}`);
  return file;
}

describe('searching the archive', () => {
  test('typing تيليجرام shows the Telegram articles with <mark>ed matches; keyboard works', async () => {
    const { context, page, host, input, errors } = await openDemo();
    await page.evaluate(() => {
      window.__events = [];
      for (const type of ['fahras-search-query', 'fahras-search-results', 'fahras-search-select']) {
        document.addEventListener(type, (e) => {
          window.__events.push({ type, detail: JSON.parse(JSON.stringify(e.detail)) });
          if (type === 'fahras-search-select') e.preventDefault(); // stay on the page
        });
      }
    });

    // ARIA wiring before anything is typed.
    assert.equal(await input.getAttribute('role'), 'combobox');
    assert.equal(await input.getAttribute('type'), 'search');
    assert.equal(await input.getAttribute('aria-autocomplete'), 'list');
    assert.equal(await input.getAttribute('aria-expanded'), 'false');
    const listboxId = await input.getAttribute('aria-controls');
    assert.ok(listboxId);
    assert.equal(await host.locator(`#${listboxId}`).getAttribute('role'), 'listbox');
    assert.ok(await input.getAttribute('placeholder'));
    const label = host.locator('label[part="label"]');
    assert.equal(await label.getAttribute('for'), await input.getAttribute('id'));
    assert.match(await label.textContent(), /ابحث/);

    await typeQuery(input, 'تيليجرام');
    await waitForSettled(host, 'تيليجرام');
    const options = optionsOf(host);
    await options.first().waitFor();
    assert.equal(await input.getAttribute('aria-expanded'), 'true');

    // Every article spelling تيليجرام exactly is among the hits…
    const titles = await options.locator('[part="title"]').allTextContents();
    const mustHave = corpus.filter((d) => docText(d).includes('تيليجرام'));
    assert.ok(mustHave.length >= 2);
    for (const doc of mustHave) assert.ok(titles.includes(doc.title), `hit for «${doc.title}» among ${JSON.stringify(titles)}`);
    // …every hit is an article about Telegram, and shows a <mark> on a spelling of it.
    const count = await options.count();
    for (let i = 0; i < count; i++) {
      const marks = await options.nth(i).locator('mark').allTextContents();
      assert.ok(marks.some((m) => TELEGRAM_RE.test(fold(m))), `option ${i} marks ${JSON.stringify(marks)} include Telegram`);
      const doc = corpus.find((d) => d.title === titles[i]);
      assert.ok(doc && TELEGRAM_RE.test(fold(docText(doc))), `hit «${titles[i]}» is about Telegram`);
    }
    // Unique option ids.
    const ids = await options.evaluateAll((els) => els.map((e) => e.id));
    assert.equal(new Set(ids).size, ids.length);

    // The status line shows the count in Arabic; the live region says it once typing pauses.
    const status = host.locator('[part="status"]');
    const statusText = await status.textContent();
    const live = host.locator('[role="status"]');
    assert.equal(await live.getAttribute('aria-live'), 'polite');
    await until(async () => (await live.textContent()).trim() === statusText.trim(), 'the live region says the count');
    assert.match(statusText, /نتيج|نتائج/, statusText);
    assert.match(statusText, /[٠-٩]|نتيجة واحدة|نتيجتان/, `Arabic digits in ${statusText}`);

    // Metadata of 000 (date + author) is shown, date formatted in Arabic.
    const withMeta = options.filter({ hasText: 'أحمد لملوم' });
    assert.equal(await withMeta.count(), 1);
    const time = withMeta.locator('time');
    assert.equal(await time.getAttribute('datetime'), '2018-12-20T11:34');
    assert.match(await time.textContent(), /ديسمبر/);
    assert.match(await time.textContent(), /٢٠١٨/);

    await snapshot(page, 'e2e-rtl-wide.png', { fullPage: true });

    // Keyboard: ArrowDown / ArrowUp move aria-activedescendant and aria-selected (wrapping).
    const active = () => input.getAttribute('aria-activedescendant');
    const selected = () => options.evaluateAll((els) => els.filter((e) => e.getAttribute('aria-selected') === 'true').map((e) => e.id));
    await page.keyboard.press('ArrowDown');
    assert.equal(await active(), ids[0]);
    assert.deepEqual(await selected(), [ids[0]]);
    await page.keyboard.press('ArrowDown');
    assert.equal(await active(), ids[1]);
    assert.deepEqual(await selected(), [ids[1]]);
    await page.keyboard.press('ArrowUp');
    assert.equal(await active(), ids[0]);
    await page.keyboard.press('ArrowUp'); // wraps to the last
    assert.equal(await active(), ids[ids.length - 1]);
    assert.deepEqual(await selected(), [ids[ids.length - 1]]);
    await page.keyboard.press('ArrowDown'); // wraps to the first
    assert.equal(await active(), ids[0]);
    await page.keyboard.press('End');
    assert.equal(await active(), ids[ids.length - 1]);
    await page.keyboard.press('Home');
    assert.equal(await active(), ids[0]);
    await page.keyboard.press('ArrowDown');
    await snapshot(page, 'e2e-rtl-active.png');

    // Enter fires the (cancelable) select event with the active hit.
    await page.keyboard.press('Enter');
    const selects = await page.evaluate(() => window.__events.filter((e) => e.type === 'fahras-search-select'));
    assert.equal(selects.length, 1);
    assert.equal(selects[0].detail.hit.title, titles[1]);
    assert.ok(page.url().startsWith(server.url), 'canceled select does not navigate');

    // Query / results events carried the whole query.
    const events = await page.evaluate(() => window.__events);
    const lastResults = events.filter((e) => e.type === 'fahras-search-results').at(-1);
    assert.equal(lastResults.detail.query, 'تيليجرام');
    assert.equal(lastResults.detail.hits.length, count);
    assert.ok(lastResults.detail.total >= count);
    assert.ok(events.some((e) => e.type === 'fahras-search-query' && e.detail.query === 'تيليجرام'));

    // Escape leaves the active result (inline, the list stays); a second Escape clears the input.
    await page.keyboard.press('Escape');
    assert.equal(await active(), null);
    assert.equal(await input.getAttribute('aria-expanded'), 'true');
    assert.ok(await host.locator('[role="listbox"]').isVisible());
    assert.equal(await input.inputValue(), 'تيليجرام');
    await page.keyboard.press('ArrowDown');
    assert.equal(await active(), ids[0]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    assert.equal(await input.inputValue(), '');
    await until(async () => (await host.evaluate((el) => el.state)) === 'idle', 'idle state');

    assert.deepEqual(errors.map(String), []);
    await context.close();
  });

  test('the clear (×) button: shown while the input has text, clears it, keeps the focus', async () => {
    const { context, page, host, input } = await openDemo();
    const erase = host.locator('[part="erase"]');
    assert.equal(await erase.isVisible(), false, 'hidden while the input is empty');
    await typeQuery(input, 'داعش');
    await waitForSettled(host, 'داعش');
    assert.ok(await erase.isVisible(), 'shown once there is text');
    assert.equal(await erase.getAttribute('title'), 'مسح نص البحث');
    // It sits inside the field, at the inline end (the left in RTL), clear of the text.
    const [field, button] = [await host.locator('[part="input"]').boundingBox(), await erase.boundingBox()];
    assert.ok(button.x >= field.x && button.x + button.width <= field.x + field.width / 3, `button ${JSON.stringify(button)} in field ${JSON.stringify(field)}`);
    await erase.click();
    assert.equal(await input.inputValue(), '');
    assert.equal(await host.evaluate((el) => el.shadowRoot.activeElement?.getAttribute('part')), 'input');
    await until(() => host.evaluate((el) => el.state === 'idle'), 'the idle state');
    assert.equal(await optionsOf(host).count(), 0);
    assert.equal(await erase.isVisible(), false, 'hidden again');
    // A query set from outside shows it too.
    await host.evaluate((el) => { el.query = 'تيليجرام'; });
    await until(() => erase.isVisible(), 'the button for a query set by script');
    await snapshot(page, 'erase-button.png', { clip: { x: field.x - 10, y: field.y - 10, width: field.width + 20, height: field.height + 20 } });
    await context.close();
  });

  test('a query with no match shows the empty state, and the live region says so', async () => {
    const { context, host, input } = await openDemo();
    await typeQuery(input, 'زززززز');
    await waitForSettled(host, 'زززززز');
    const empty = host.locator('[part="empty"]');
    await empty.waitFor();
    assert.match(await empty.textContent(), /لا توجد نتائج لـ «زززززز»/);
    const status = host.locator('[part="status"]');
    assert.match(await status.textContent(), /لا توجد نتائج/);
    assert.equal(await input.getAttribute('aria-expanded'), 'false');
    assert.equal(await optionsOf(host).count(), 0);
    await context.close();
  });

  test('داعش, يوروبول, رايوت and الارهابي each find at least one article, with marks', async () => {
    const { context, host, input } = await openDemo();
    for (const query of ['داعش', 'يوروبول', 'رايوت', 'الارهابي']) {
      await input.fill('');
      await typeQuery(input, query);
      await waitForSettled(host, query);
      const options = optionsOf(host);
      assert.ok((await options.count()) >= 1, `results for ${query}`);
      const marks = await options.first().locator('mark').allTextContents();
      assert.ok(marks.length >= 1, `marks for ${query}`);
    }
    await context.close();
  });

  test('narrow (360 px) and dark screenshots: no horizontal overflow', async () => {
    const { context, page, host, input } = await openDemo({ viewport: { width: 360, height: 780 } });
    await typeQuery(input, 'تيليجرام داعش');
    await waitForSettled(host, 'تيليجرام داعش');
    await page.keyboard.press('ArrowDown');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page overflows horizontally by ${overflow}px`);
    const box = await host.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 360, `widget inside the viewport: ${JSON.stringify(box)}`);
    await snapshot(page, 'e2e-narrow-360.png', { fullPage: true });
    await context.close();

    const dark = await openDemo({ viewport: { width: 900, height: 1000 }, colorScheme: 'dark' });
    await typeQuery(dark.input, 'يوروبول');
    await waitForSettled(dark.host, 'يوروبول');
    await snapshot(dark.page, 'e2e-dark.png');
    await dark.context.close();
  });

  test('lang="en" dir="ltr": English UI strings, LTR layout, partial matches and suggestion', async () => {
    const { context, page, host, input } = await openDemo({ viewport: { width: 900, height: 1000 } });
    await host.evaluate((el) => {
      el.setAttribute('lang', 'en');
      el.setAttribute('dir', 'ltr');
    });
    assert.equal(await host.locator('label[part="label"]').textContent(), 'Search the archive');
    await typeQuery(input, 'داعش زززززز');
    await waitForSettled(host, 'داعش زززززز');
    const results = await host.evaluate((el) => el.results);
    const status = await host.locator('[part="status"]').textContent();
    if (results.partial) assert.match(status, /match some/i, status);
    if (results.total) assert.match(status, /\d+ results?/, status);
    assert.equal(await host.locator('[part="base"]').getAttribute('dir'), 'ltr');
    await snapshot(page, 'e2e-ltr-en.png');
    await context.close();
  });

  test('a "did you mean" suggestion is a button that runs it (real engine: a typo in a finished word)', async () => {
    // The real engine suggests for a word that matched only through a typo, once the word is
    // finished (a trailing space: the last word is otherwise read as a prefix being typed).
    // The mock suggests when nothing matches.
    const [typo, fixed] = USE_REAL ? Object.values(await findTypo()) : ['يوروبوك', 'يوروبول'];
    const { context, host, input } = await openDemo();
    await typeQuery(input, typo);
    await waitForSettled(host, typo);
    const suggestion = host.locator('[part="suggestion"]');
    await suggestion.waitFor();
    assert.equal(await suggestion.textContent(), fixed);
    assert.equal(await host.evaluate((el) => el.results.suggestion), fixed);
    assert.match(await host.locator('[part="suggest"]').textContent(), /هل تقصد/);
    await suggestion.click();
    await waitForSettled(host, fixed);
    assert.ok((await optionsOf(host).count()) >= 1);
    assert.equal(await input.inputValue(), fixed);
    await context.close();
  });

  test('no results with a suggestion: the empty state and the "did you mean" button (mock engine)', async () => {
    const { context, host, input } = await openDemo({ mock: true });
    await typeQuery(input, 'يوروبوك');
    await waitForSettled(host, 'يوروبوك');
    assert.equal(await host.evaluate((el) => el.state), 'empty');
    assert.ok(await host.locator('[part="empty"]').isVisible());
    assert.equal(await host.locator('[part="suggestion"]').textContent(), 'يوروبول');
    await context.close();
  });

  test('setting the query property before any interaction loads the engine and searches', async () => {
    const { context, host } = await openDemo();
    assert.equal(await host.evaluate((el) => el.state), 'idle');
    await host.evaluate((el) => {
      el.query = 'داعش';
    });
    await waitForSettled(host, 'داعش');
    assert.ok((await optionsOf(host).count()) >= 1);
    assert.equal(await host.locator('input').inputValue(), 'داعش');
    await context.close();
  });

  test('limit attribute, "show more", and choosing a hit with the pointer', async () => {
    const { context, page, host, input } = await openDemo();
    await host.evaluate((el) => {
      el.limit = 2;
      document.addEventListener('fahras-search-select', (e) => {
        window.__selected = e.detail.hit.id;
        e.preventDefault();
      });
    });
    assert.equal(await host.getAttribute('limit'), '2');
    await typeQuery(input, 'داعش');
    await waitForSettled(host, 'داعش');
    const options = optionsOf(host);
    assert.equal(await options.count(), 2);
    const total = await host.evaluate((el) => el.results.total);
    assert.ok(total > 2, `داعش matches ${total} articles`);
    const status = await host.locator('[part="status"]').textContent();
    assert.match(status, /تُعرض أول ٢/, status);
    const more = host.locator('[part="more"]');
    await more.click();
    await until(async () => (await options.count()) === Math.min(4, total), 'the next page');
    // The first new option became active; ids are still unique.
    const ids = await options.evaluateAll((els) => els.map((e) => e.id));
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(await input.getAttribute('aria-activedescendant'), ids[2]);
    // Clicking an option selects it.
    const hitId = await host.evaluate((el) => el.results.hits[1].id);
    await options.nth(1).click();
    // (A click on a result's text waits a moment for a second click, which would select a word.)
    await until(() => page.evaluate((id) => window.__selected === id, hitId), `the select event for ${hitId}`);
    await context.close();
  });

  test('loading state while the engine loads; typing meanwhile searches the whole query once loaded', async () => {
    const { context, host, input } = await openDemo({ mock: true, mockOptions: { initDelayMs: 700 } });
    await input.click();
    await input.pressSequentially('داعش', { delay: 10 });
    const status = host.locator('[part="status"]');
    await until(async () => /جارٍ تحميل/.test(await status.textContent()), 'loading message');
    assert.equal(await host.evaluate((el) => el.state), 'loading');
    await waitForSettled(host, 'داعش');
    assert.ok((await optionsOf(host).count()) >= 1);
    await context.close();
  });

  test('moving the element in the DOM keeps it working', async () => {
    const { context, page, host, input } = await openDemo();
    await typeQuery(input, 'داعش');
    await waitForSettled(host, 'داعش');
    await page.evaluate(() => document.querySelector('main').prepend(document.querySelector('fahras-search')));
    await input.fill('');
    await input.pressSequentially('رايوت');
    await waitForSettled(host, 'رايوت');
    assert.ok((await optionsOf(host).count()) >= 1);
    await context.close();
  });

  test('IME composition: no search until the composition ends', async () => {
    const { context, page, host, input } = await openDemo();
    await input.click();
    await until(() => host.evaluate((el) => el.state === 'idle' && el.info), 'engine loaded');
    await page.evaluate(() => {
      window.__queries = [];
      document.addEventListener('fahras-search-query', (e) => window.__queries.push(e.detail.query));
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'دا', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.imeSetComposition', { text: 'داعش', selectionStart: 4, selectionEnd: 4 });
    await page.waitForTimeout(150); // longer than the debounce: nothing may happen meanwhile
    assert.deepEqual(await page.evaluate(() => window.__queries), []);
    assert.equal(await host.evaluate((el) => el.state), 'idle');
    await cdp.send('Input.insertText', { text: 'داعش' }); // commits the composition
    await waitForSettled(host, 'داعش');
    assert.deepEqual(await page.evaluate(() => window.__queries), ['داعش']);
    await context.close();
  });
});

describe('security', () => {
  test('corpus text is rendered as text, never as HTML', async () => {
    const payload = '<img src=x onerror="window.__pwned=1">';
    const hostile = [
      {
        id: 'evil',
        title: `داعش ${payload} <b>عريض</b>`,
        author: `<script>window.__pwned=2</script>`,
        source: '<svg onload="window.__pwned=3">',
        published: '2020-01-02',
        url: 'javascript:window.__pwned=4',
        body: [`نص عن داعش ${payload} وينتهي هنا <iframe srcdoc="<script>parent.__pwned=5</script>"></iframe>`],
      },
    ];
    const { context, page, host, input } = await openDemo({ mock: true, docs: hostile });
    await typeQuery(input, 'داعش');
    await waitForSettled(host, 'داعش');
    const option = optionsOf(host).first();
    assert.equal(await option.locator('[part="title"]').textContent(), hostile[0].title);
    assert.match(await option.locator('[part="snippet"]').textContent(), /<img src=x onerror="window.__pwned=1">/);
    assert.match(await option.locator('[part="meta"]').textContent(), /<script>window.__pwned=2<\/script>/);
    const injected = await host.evaluate((el) => el.shadowRoot.querySelectorAll('img, script, svg:not([aria-hidden="true"]), iframe, b').length);
    assert.equal(injected, 0);
    // Selecting the hit must not run its javascript: URL.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await option.click();
    await page.waitForTimeout(500); // (a click on a result's text opens it after 300 ms)
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    await snapshot(page, 'e2e-hostile-text.png');
    await context.close();
  });

  test(`works under CSP ${CSP} with no violations`, async () => {
    const { context, page, host, input, errors } = await openDemo({ base: cspServer.url });
    await page.evaluate(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await typeQuery(input, 'رايوت');
    await waitForSettled(host, 'رايوت');
    assert.ok((await optionsOf(host).count()) >= 1);
    // The constructable stylesheet applied (marks are styled, the label is bold).
    const markBg = await host.locator('mark').first().evaluate((m) => getComputedStyle(m).backgroundColor);
    assert.notEqual(markBg, 'rgba(0, 0, 0, 0)');
    assert.equal(await host.evaluate((el) => el.shadowRoot.adoptedStyleSheets.length), 1);
    assert.equal(await host.evaluate((el) => el.shadowRoot.querySelectorAll('style, [style]').length), 0);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors.map(String).filter((e) => /Content Security Policy|Refused/i.test(e)), []);
    await context.close();
  });

  test('the minified copy (www/dist) searches on the main thread and in a worker, under the strict CSP', { skip: !USE_REAL && 'needs the real build' }, async () => {
    const context = await browser.newContext({ locale: 'ar' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (err) => errors.push(err));
    page.on('console', (msg) => msg.type() === 'error' && errors.push(new Error(msg.text())));
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(new URL('/t/minified.html', cspServer.url).href);
    // Until a reader touches the search, the page fetches the widget's script and nothing of
    // the engine: the wasm and its glue wait for the first focus or keystroke.
    await page.waitForFunction(() => [...document.querySelectorAll('fahras-search')].every((el) => el.shadowRoot?.querySelector('input')));
    await page.waitForLoadState('networkidle');
    const early = requests.filter((p) => /\.(js|wasm)$/.test(p));
    assert.deepEqual(early, ['/dist/fahras.js'], 'only the widget script before any interaction');
    const gzipped = gzipSync(readFileSync(path.join(ROOT, 'www', 'dist', 'fahras.js')), { level: 9 }).length;
    console.log(`# before any interaction: /dist/fahras.js only, ${gzipped} bytes gzip`);
    for (const id of ['main', 'worker']) {
      const host = page.locator(`#${id}`);
      await typeQuery(host.locator('input'), 'تلغرام');
      await waitForSettled(host, 'تلغرام');
      assert.ok((await optionsOf(host).count()) >= 1, `${id}: results`);
      const marks = await host.locator('mark').allTextContents();
      assert.ok(marks.some((m) => TELEGRAM_RE.test(fold(m))), `${id}: marks ${JSON.stringify(marks)}`);
    }
    assert.deepEqual(errors.map(String), []);
    // Everything came from the minified copy, nothing from the unminified files.
    const scripts = requests.filter((p) => /\.(js|wasm)$/.test(p));
    assert.ok(scripts.length >= 3 && scripts.every((p) => p.startsWith('/dist/')), JSON.stringify(scripts));
    await context.close();
  });

  test('the minified copy (www/dist) has the same stylesheet as www/fahras.js, rule for rule', { skip: !USE_REAL && 'needs the real build' }, async () => {
    // scripts/minify-widget.mjs minifies the widget's CSS: compare what Chromium parses from
    // both, each rule of a selector list on its own (the minifier may join adjacent rules with
    // the same declarations), with 0.5 for .5 and ms for s (what the minifier shortens).
    const rulesOf = async (pathname) => {
      const context = await browser.newContext({ locale: 'ar' });
      const page = await context.newPage();
      await page.goto(new URL(pathname, cspServer.url).href);
      await page.waitForFunction(() => document.querySelector('fahras-search')?.shadowRoot?.adoptedStyleSheets.length === 1);
      const rules = await page.evaluate(() => {
        const norm = (text) =>
          text.replace(/(?<![\w.])\.(\d)/g, '0.$1').replace(/(?<![\w.])(\d+(?:\.\d+)?)s\b/g, (_, n) => `${Math.round(parseFloat(n) * 1000)}ms`);
        const selectors = (list) => {
          const out = [];
          let depth = 0;
          let current = '';
          for (const ch of list) {
            if (ch === '(') depth++;
            if (ch === ')') depth--;
            if (ch === ',' && depth === 0) {
              out.push(current.trim());
              current = '';
            } else current += ch;
          }
          return [...out, current.trim()];
        };
        const out = [];
        const walk = (rules, context) => {
          for (const rule of rules) {
            if (rule instanceof CSSStyleRule) {
              for (const selector of selectors(rule.selectorText)) out.push(`${context}${selector} { ${norm(rule.style.cssText)} }`);
              if (rule.cssRules.length) walk(rule.cssRules, `${context}${rule.selectorText} > `);
            } else if (rule.cssRules) walk(rule.cssRules, `${context}${norm(rule.cssText.split('{')[0]).trim().replace(/,\s*/g, ',')} > `); // (an @supports condition keeps its text as written)
            else out.push(context + norm(rule.cssText));
          }
        };
        walk(document.querySelector('fahras-search').shadowRoot.adoptedStyleSheets[0].cssRules, '');
        return out;
      });
      await context.close();
      return rules;
    };
    const unminified = await rulesOf('/t/strict.html');
    const minified = await rulesOf('/t/minified.html');
    assert.ok(unminified.length > 100, `${unminified.length} rules`);
    assert.deepEqual(minified, unminified);
  });

  test('network: only the page, the widget module, pkg/ and the src URL are requested', async () => {
    const { context, page, host, input } = await openDemo();
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await typeQuery(input, 'داعش');
    await waitForSettled(host, 'داعش');
    const allowed = new Set(['/pkg/fahras.js', '/pkg/fahras_bg.wasm', '/favicon.svg', '/favicon.ico']);
    assert.deepEqual(requests.filter((p) => !allowed.has(p)), []);
    await context.close();
  });
});

describe('error states', () => {
  test('wasm module blocked → a clear Arabic message and a retry button', async () => {
    const context = await browser.newContext({ locale: 'ar' });
    const page = await context.newPage();
    await page.route('**/pkg/**', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(server.url);
    const host = page.locator('fahras-search');
    await host.locator('input').click();
    const error = host.locator('[part="error"]');
    await error.waitFor();
    assert.match(await error.textContent(), /تعذّر تشغيل محرّك البحث/);
    assert.equal(await error.getAttribute('role'), 'alert');
    const retry = host.locator('[part="retry"]');
    assert.equal(await retry.textContent(), 'أعد المحاولة');
    // Typing does not hammer the server; retry after the network recovers works.
    await page.unroute('**/pkg/**');
    if (!USE_REAL) await routeMockPkg(page, corpus);
    await retry.click();
    await host.locator('input').pressSequentially('داعش');
    await waitForSettled(host, 'داعش');
    assert.equal(await error.isVisible(), false);
    await context.close();
  });

  test('WebAssembly blocked by the page CSP (no wasm-unsafe-eval) → the wasm error message', { skip: !USE_REAL && 'needs the real wasm' }, async () => {
    const strict = await startServer({ headers: { 'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'" } });
    try {
      const { context, host, input } = await openDemo({ base: strict.url });
      await typeQuery(input, 'داعش');
      const error = host.locator('[part="error"]');
      await error.waitFor();
      assert.match(await error.textContent(), /تعذّر تشغيل محرّك البحث/);
      console.log(`# wasm blocked by CSP: ${(await host.locator('.error .detail').textContent()).slice(0, 160)}`);
      await context.close();
    } finally {
      await strict.close();
    }
  });

  test('src that 404s → "HTTP 404" in the message', async () => {
    const { context, host, input } = await openDemo();
    await host.evaluate((el) => el.setAttribute('src', 'missing-index.fahras'));
    await typeQuery(input, 'داعش');
    const error = host.locator('[part="error"]');
    await error.waitFor();
    assert.match(await error.textContent(), /HTTP 404/);
    await context.close();
  });

  test('src with a bad or wrong-version index → the engine message is shown', async () => {
    const { context, page, host, input } = await openDemo();
    await page.route('**/bad-index.fahras', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from('this is not an index') }));
    await host.evaluate((el) => el.setAttribute('src', 'bad-index.fahras'));
    await typeQuery(input, 'داعش');
    const error = host.locator('[part="error"]');
    await error.waitFor();
    assert.match(await error.textContent(), /ملف فهرس البحث غير صالح/);
    const detail = await host.locator('.error .detail').textContent();
    assert.ok(detail.length > 0, 'engine error message shown');
    console.log(`# engine message for a bad index: ${detail}`);
    await context.close();
  });

  test('src="pkg/seed.fahras" (a real index file) loads and searches; a header of a later version is refused', { skip: !USE_REAL && 'needs the real wasm' }, async () => {
    const { context, page, host, input } = await openDemo();
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await host.evaluate((el) => (el.src = 'pkg/seed.fahras'));
    await typeQuery(input, 'يوروبول');
    await waitForSettled(host, 'يوروبول');
    assert.ok((await optionsOf(host).count()) >= 1);
    assert.ok(requests.includes('/pkg/seed.fahras'), `fetched the index: ${requests}`);
    const version = (await host.evaluate((el) => el.info)).formatVersion;
    const seed = readFileSync(path.join(ROOT, 'www', 'pkg', 'seed.fahras'));
    assert.equal(version, seed.readUInt32LE(8), 'info.formatVersion is the file\'s');

    // The same file claiming the next format version (bytes 8–11, little-endian u32).
    const v2 = Buffer.from(seed);
    v2.writeUInt32LE(version + 1, 8);
    await page.route('**/v2.fahras', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: v2 }));
    await host.evaluate((el) => (el.src = 'v2.fahras'));
    await input.press('End'); // any key: the engine is loaded on interaction
    const error = host.locator('[part="error"]');
    await error.waitFor();
    const detail = await host.locator('.error .detail').textContent();
    assert.match(detail, /version/i, detail);
    console.log(`# engine message for a version-${version + 1} index: ${detail}`);
    await context.close();
  });

  test('a seed result opens its article page (hit-url), and Back returns to the search', { skip: !USE_REAL && 'needs the real wasm' }, async () => {
    const { context, page, host, input, errors } = await openDemo();
    await typeQuery(input, 'جسر لندن');
    await waitForSettled(host, 'جسر لندن');
    const title = await optionsOf(host).first().locator('[part="title"]').textContent();
    const doc = corpus.find((d) => d.title === title);
    assert.ok(doc, `a seed titled ${title}`);
    assert.equal(await optionsOf(host).first().evaluate((o) => o.classList.contains('has-url')), true);
    // The property mirrors the attribute, and the results follow it.
    assert.equal(await host.evaluate((el) => el.hitUrl), 'articles/{id}.html');
    await host.evaluate((el) => (el.hitUrl = null));
    assert.equal(await optionsOf(host).first().evaluate((o) => o.classList.contains('has-url')), false);
    await host.evaluate((el) => (el.hitUrl = 'articles/{id}.html'));
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL(`**/articles/${doc.id}.html`), page.keyboard.press('Enter')]);
    assert.equal(await page.locator('h1').textContent(), doc.title);
    const paragraphs = await page.locator('article > p:not(.deck):not(.article-meta)').allTextContents();
    assert.deepEqual(paragraphs, doc.body, 'every paragraph, as text');
    if (doc.published) {
      assert.match(await page.locator('time').textContent(), /^[٠-٩]+ \S+ [٠-٩]{4}$/, 'the date in Arabic-Indic digits, as in the widget');
    } else {
      assert.equal(await page.locator('time').count(), 0, 'no date where the record has none');
    }
    await page.goBack();
    await waitForSettled(host, 'جسر لندن');
    assert.equal(await input.inputValue(), 'جسر لندن', 'the search is restored from the URL');
    // The page's own link back to the archive returns to the search too (the referrer's URL).
    await Promise.all([page.waitForURL(`**/articles/${doc.id}.html`), optionsOf(host).first().click()]);
    const back = page.locator('.back a');
    await until(async () => /[?&]q=/.test(await back.evaluate((a) => a.href)), 'the back link carries the search');
    await Promise.all([page.waitForURL((u) => !u.pathname.includes('/articles/')), back.click()]);
    await waitForSettled(host, 'جسر لندن');
    assert.equal(await input.inputValue(), 'جسر لندن', 'the back link restores the search');
    // hitUrl: the record's own url wins; the id is encoded, its slashes kept; only http(s)
    // and relative URLs.
    const urls = await page.evaluate(async () => {
      const { hitUrl } = await import('./fahras.js');
      const base = 'https://news.example/archive/';
      return [
        hitUrl({ id: 'a b/c', url: '' }, 'articles/{id}.html', base),
        hitUrl({ id: 'x', url: '/own' }, 'articles/{id}.html', base),
        hitUrl({ id: 'x' }, 'javascript:alert({id})', base),
        hitUrl({ id: 'x' }, 'articles/x.html', base),
        hitUrl({ id: 'x' }, null, base),
      ];
    });
    assert.deepEqual(urls, ['https://news.example/archive/articles/a%20b/c.html', 'https://news.example/own', null, null, null]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('src with a valid index loads it (mock index format)', async () => {
    const docs = [{ id: 'x', title: 'خبر عن القمر', body: ['القمر يضيء الليل.'], url: 'https://example.invalid/moon' }];
    const { context, page, host, input } = await openDemo({ mock: true });
    await page.route('**/moon.fahras', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: mockIndexBytes(docs) }));
    await host.evaluate((el) => el.setAttribute('src', 'moon.fahras'));
    await typeQuery(input, 'القمر');
    await waitForSettled(host, 'القمر');
    assert.equal(await optionsOf(host).locator('[part="title"]').textContent(), 'خبر عن القمر');
    // Not canceled: Enter follows the hit's (http/https) URL.
    await page.route('https://example.invalid/moon', (route) => route.fulfill({ contentType: 'text/html', body: '<title>moon</title>' }));
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL('https://example.invalid/moon'), page.keyboard.press('Enter')]);
    await context.close();
  });
});

describe('robustness', () => {
  test('renderHighlighted: overlapping, unsorted, out-of-range and surrogate-splitting ranges', async () => {
    const { context, page } = await openDemo();
    const cases = await page.evaluate(async () => {
      const { renderHighlighted } = await import('./fahras.js');
      const html = (text, ranges) => {
        const div = document.createElement('div');
        div.append(renderHighlighted(text, ranges));
        return div.innerHTML;
      };
      return [
        html('abcdef', [[3, 5], [0, 2]]),
        html('abcdef', [[1, 4], [2, 5], [5, 6]]),
        html('abcdef', [[-5, 1], [4, 99], [3, 3], [4, 2], null, [NaN, 2], 'x', [2]]),
        html('a😀b', [[2, 3]]),
        html('<b>x</b>', [[0, 3]]),
        html('', [[0, 1]]),
        html('plain', undefined),
      ];
    });
    assert.deepEqual(cases, [
      '<mark part="mark">ab</mark>c<mark part="mark">de</mark>f',
      'a<mark part="mark">bcdef</mark>',
      '<mark part="mark">a</mark>bcd<mark part="mark">ef</mark>',
      'a<mark part="mark">😀</mark>b',
      '<mark part="mark">&lt;b&gt;</mark>x&lt;/b&gt;',
      '',
      'plain',
    ]);
    await context.close();
  });

  test('an aggressive host stylesheet does not break the widget', async () => {
    const { context, page, host, input } = await openDemo({ viewport: { width: 800, height: 900 } });
    await page.addStyleTag({
      // A "reset" plus the 62.5% rem trick, and rules aimed at the tags the widget uses.
      content: `html { font-size: 62.5% !important; }
                * { font: inherit; letter-spacing: 4px; text-transform: uppercase; line-height: 0.8; text-align: left;
                    color: red !important; padding: 0; margin: 0; border: 0; box-sizing: content-box; visibility: inherit; }
                fahras-search { padding: 20px; font-size: 9px; }
                mark, input, li, ul, label { display: none !important; }`,
    });
    await typeQuery(input, 'تيليجرام');
    await waitForSettled(host, 'تيليجرام');
    const style = await host.locator('[part="title"]').first().evaluate((t) => {
      const s = getComputedStyle(t);
      return { ls: s.letterSpacing, tt: s.textTransform, align: s.textAlign, lh: s.lineHeight };
    });
    assert.equal(style.ls, 'normal');
    assert.equal(style.tt, 'none');
    assert.ok(await input.isVisible());
    assert.ok(await host.locator('mark').first().isVisible());
    await snapshot(page, 'e2e-hostile-page-css.png');
    await context.close();
  });
});
