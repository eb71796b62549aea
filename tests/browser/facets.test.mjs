// Browser tests for the widget's facet panel (issue 5): facet values with their counts, the
// date range, the sort order and the timeline, on the demo page with the real engine.
//
//   FAHRAS_REQUIRE_REAL=1 node --test --test-concurrency=1 tests/browser/facets.test.mjs
//
// What the engine should answer is derived from the seed corpus (corpus/*.json), never from
// hard-coded ids. Screenshots go to test-results/facets-*.png.

import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  USE_REAL,
  ROOT,
  loadCorpus,
  docText,
  fold,
  TELEGRAM_RE,
  launch,
  startServer,
  until,
  screenshotPath,
  axeViolations,
  requireRealPkg,
  openPage,
} from './helpers.mjs';

const skip = !USE_REAL && 'needs the real engine (www/pkg): run scripts/build-wasm.sh';
const corpus = loadCorpus();

/** The articles that discuss TamTam: they name it (تام تام) in their text. */
const TAMTAM = corpus.filter((d) => docText(d).includes('تام تام'));
/** The articles that name Telegram, in any spelling. */
const TELEGRAM = corpus.filter((d) => TELEGRAM_RE.test(fold(docText(d))));
/** Articles about a year: published in it, or mentioning it in their text. */
const about = (year) => corpus.filter((d) => String(d.published ?? '').startsWith(year) || docText(d).includes(year));

/**
 * The years of the events an article reports: a year written after a season, a month or
 * "(ال)عام" («خريف 2017», «ربيع 2018», «عام 2017»), and its publication year. (A bare
 * four-digit number may be a count: «2000 شخص».)
 */
const DATE_WORD = '(?:عام|العام|سنة|خريف|ربيع|صيف|شتاء|يناير|فبراير|مارس|أبريل|إبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر)';
function eventYears(doc) {
  const years = new Set([...docText(doc).matchAll(new RegExp(`${DATE_WORD}\\s*((?:19|20)\\d\\d)`, 'g'))].map((m) => m[1]));
  if (doc.published) years.add(String(doc.published).slice(0, 4));
  return years;
}
/** The year an article sorts by: its publication, else the latest event it reports. */
const sortYear = (doc) => (doc.published ? String(doc.published).slice(0, 4) : [...eventYears(doc)].sort().at(-1) ?? '');

const ids = (docs) => docs.map((d) => d.id).sort();
const latin = (s) => String(s).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));

let browser;
let server;

before(async () => {
  requireRealPkg();
  if (!USE_REAL) return;
  assert.ok(TAMTAM.length >= 2 && TAMTAM.length < corpus.length, 'the corpus has TamTam articles, and others');
  browser = await launch();
  server = await startServer();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(pathname = '/', { viewport = { width: 1280, height: 900 }, colorScheme = 'light', locale = 'ar' } = {}) {
  const { context, page, errors } = await openPage(browser, new URL(pathname, server.url).href, { viewport, colorScheme, locale });
  const host = page.locator('fahras-search');
  return { context, page, errors, host, input: host.locator('input[type="search"]') };
}

/** The facet panel is showing the values of `facet` (the engine is loaded and has counted). */
async function facetsShown(host, facet = 'platform') {
  await until(() => host.evaluate((el, f) => {
    const region = el.shadowRoot.querySelector('[part="facets"]');
    return !region.hidden && region.querySelectorAll(`[part="facet-value"][data-facet="${f}"]`).length > 0;
  }, facet), `the ${facet} facet`);
}

/** Results are on screen for the current query and filters, and the engine returned `n` documents. */
async function resultsFor(host, expected, message) {
  await until(
    () => host.evaluate((el, n) => el.state === 'results' && el.results?.total === n && el.results.hits.length === n, expected.length),
    message,
  );
  return host.evaluate((el) => el.results.hits.map((hit) => hit.id));
}

/** {"platform|telegram": 5, …}: every facet value's count as shown on its chip. */
function chipCounts(host) {
  return host.evaluate((el) => Object.fromEntries([...el.shadowRoot.querySelectorAll('[part="facet-value"]')].map((chip) => [
    `${chip.dataset.facet}|${chip.dataset.value}`,
    chip.querySelector('[part="facet-count"]').textContent,
  ])));
}

/** The timeline's bars: [{period, label, pressed, tabindex}] in their visual (left-to-right) order. */
function bars(host) {
  return host.evaluate((el) => [...el.shadowRoot.querySelectorAll('[part="bar"][role="button"]')]
    .map((g) => ({ period: g.dataset.period, label: g.getAttribute('aria-label'), pressed: g.getAttribute('aria-pressed'), tabindex: g.getAttribute('tabindex'), x: g.getBoundingClientRect().x }))
    .sort((a, b) => a.x - b.x));
}

/** What has focus, through shadow roots: 'input', 'button.chip', 'g.bar', 'select.date-from'… */
function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return 'body';
    return el.localName + (el.classList.length ? `.${[...el.classList].join('.')}` : '');
  });
}
function focusedData(page, name) {
  return page.evaluate((n) => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.getAttribute?.(n) ?? null;
  }, name);
}

async function snapshot(page, name, options = {}) {
  const file = screenshotPath(name);
  await page.screenshot({ path: file, ...options });
  console.log(`# screenshot: ${path.relative(ROOT, file)}`);
}

function assertNoAxe(violations, where) {
  assert.deepEqual(violations, [], `axe violations (${where}):\n${JSON.stringify(violations, null, 1)}`);
}

/** The widget's own formatting, to compare labels with (digits and plural forms). */
function formatted(page, calls) {
  return page.evaluate(async (list) => {
    const m = await import('/fahras.js');
    return list.map(([fn, ...args]) => m[fn](...args));
  }, calls);
}

// ---------------------------------------------------------------------------

describe('facets in the demo', { skip }, () => {
  test('choosing TamTam: exactly its articles, the other counts follow (Telegram’s stays), the timeline of its events', async () => {
    const { context, page, errors, host, input } = await open('/');
    await page.evaluate(() => {
      window.__results = [];
      document.addEventListener('fahras-search-results', (e) => window.__results.push(JSON.parse(JSON.stringify(e.detail))));
    });
    // Before typing: the facets of the whole archive (the engine loads on first focus).
    await input.click();
    await facetsShown(host);
    const tamtam = host.locator('[part="facet-value"][data-facet="platform"][data-value="tamtam"]');
    assert.equal(await tamtam.locator('.value-label').textContent(), 'تام تام');
    assert.equal(await tamtam.getAttribute('aria-pressed'), 'false');
    const before = await chipCounts(host);
    // The archive's timeline counts every article: its note shows exactly when the bars add
    // up to more than the archive has (the engine's empty query has a total of 0: not that).
    const barValues = await host.locator('[part="timeline"] svg text.value').allTextContents();
    const archiveBars = barValues.filter(Boolean).reduce((sum, v) => sum + Number(latin(v)), 0);
    assert.ok(archiveBars > 0, 'the archive has dated articles');
    assert.equal(
      await host.locator('[part="timeline-note"]').isVisible(),
      archiveBars > corpus.length,
      `bars add up to ${archiveBars}, the archive has ${corpus.length}`,
    );
    assert.equal(latin(before['platform|telegram']), String(TELEGRAM.length));
    assert.equal(latin(before['platform|tamtam']), String(TAMTAM.length));
    // Localized facet titles.
    const legends = await host.locator('[part="facet"] legend').allTextContents();
    for (const title of ['منصات', 'منظمات', 'أماكن', 'أشخاص']) assert.ok(legends.includes(title), `${title} in ${legends}`);

    await tamtam.click();
    const shown = await resultsFor(host, TAMTAM, 'the TamTam articles');
    assert.deepEqual(shown.sort(), ids(TAMTAM), 'exactly the articles that discuss TamTam');
    const titles = await host.locator('[part="option"] [part="title"]').allTextContents();
    assert.deepEqual(titles.sort(), TAMTAM.map((d) => d.title).sort());
    assert.equal(await tamtam.getAttribute('aria-pressed'), 'true');
    assert.equal(await input.inputValue(), '', 'no query: the filtered archive is listed');

    // The counts beside the other values follow; platform counts are disjunctive (they ignore
    // the platform's own choice), so Telegram still counts every article naming it.
    const after = await chipCounts(host);
    const changed = Object.keys(after).filter((k) => k in before && after[k] !== before[k]);
    assert.ok(changed.length >= 1, 'some count changed');
    assert.equal(latin(after['platform|telegram']), String(TELEGRAM.length), 'Telegram’s count (disjunctive)');
    for (const [key, count] of Object.entries(after)) {
      if (!key.startsWith('platform|')) assert.ok(Number(latin(count)) <= TAMTAM.length, `${key}: ${count} ≤ ${TAMTAM.length}`);
    }

    // The timeline: when the events in those articles happened.
    const shownBars = await bars(host);
    const periods = shownBars.map((b) => b.period);
    const events = new Set(TAMTAM.flatMap((d) => [...eventYears(d)]));
    for (const year of ['2017', '2018']) assert.ok(events.has(year), `the corpus reports TamTam events in ${year}`);
    for (const year of events) assert.ok(periods.includes(year), `a bar for ${year} in ${periods}`);
    const written = new Set(TAMTAM.flatMap((d) => docText(d).match(/\d{4}/g) ?? []));
    for (const year of periods) assert.ok(written.has(year), `bar ${year}: a year the articles mention`);
    assert.deepEqual(periods, [...periods].sort(), 'time runs left to right');
    // Each bar says its period and count ("٢٠١٧: مقالتان"), and so does the table.
    for (const year of ['2017', '2018']) {
      const count = TAMTAM.filter((d) => eventYears(d).has(year)).length;
      const [label] = await formatted(page, [['formatPeriod', year, 'ar-u-nu-arab']]);
      const [articles] = await formatted(page, [['formatArticles', count, 'ar-u-nu-arab']]);
      assert.equal(shownBars.find((b) => b.period === year).label, `${label}: ${articles}`);
      const row = host.locator('[part="timeline"] table tbody tr', { hasText: label });
      assert.equal(await row.locator('td').textContent(), articles);
    }
    assert.equal(await host.locator('[part="timeline"] table tbody tr').count(), shownBars.length);
    assert.ok(shownBars.every((b) => b.pressed === 'false'));

    // The chosen filter is summarised, with a remove button; the events carry the filters.
    assert.deepEqual(await host.locator('[part="filter-chip"] .text').allTextContents(), ['تام تام']);
    assert.equal(await host.getByRole('button', { name: 'إزالة عامل التصفية: تام تام', exact: true }).count(), 1);
    const last = await page.evaluate(() => window.__results.at(-1));
    assert.deepEqual(last.filters, { platform: ['tamtam'] });
    assert.equal(last.total, TAMTAM.length);
    assert.ok(Array.isArray(last.facets.year));
    // An article counts in each year it is about: where the bars add up to more than the
    // articles, a note under the chart says so (and not otherwise).
    const barSum = last.facets.year.reduce((sum, e) => sum + e.count, 0);
    assert.ok(barSum > last.total, `the TamTam articles are about several years each (${barSum} > ${last.total})`);
    const note = host.locator('[part="timeline-note"]');
    assert.equal(await note.isVisible(), true, 'the note under the timeline');
    assert.match(await note.textContent(), /في كل سنة نُشرت فيها أو تذكرها/);
    // url-sync: the filter is in the URL.
    await until(() => page.evaluate(() => location.search === '?q.f.platform=tamtam'), 'q.f.platform=tamtam in the URL');

    await snapshot(page, 'facets-rtl-wide.png', { fullPage: true });
    assertNoAxe(await axeViolations(page), 'filtered results, RTL');

    // A chosen value stays (pressed, counting 0) when nothing has it any more: TamTam and a
    // person no TamTam article names give nothing, and both can still be unchosen.
    const person = Object.keys(before).find((k) => k.startsWith('person|') && !(k in after))?.slice('person|'.length);
    assert.ok(person, 'a person outside the TamTam articles');
    await host.evaluate((el, p) => (el.filters = { ...el.filters, person: [p] }), person);
    await until(() => host.evaluate((el) => el.state === 'empty' && el.results?.total === 0), 'no article');
    assert.equal(await host.locator('[part="empty"]').textContent(), 'لا توجد مقالات تطابق عوامل التصفية المختارة.أزل بعض عوامل التصفية أو وسّع المدة.');
    for (const [facet, value] of [['platform', 'tamtam'], ['person', person]]) {
      const chip = host.locator(`[part="facet-value"][data-facet="${facet}"][data-value="${value}"]`);
      assert.equal(await chip.getAttribute('aria-pressed'), 'true', `${value} still shown, pressed`);
      assert.equal(await chip.locator('[part="facet-count"]').textContent(), '٠');
    }
    // No article, so no chart, and no timeline heading over nothing; the date range stays.
    const timelineTitle = host.locator('[part="timeline"] > .facet-title');
    assert.equal(await timelineTitle.isVisible(), false, 'no timeline heading');
    assert.equal(await host.locator('[part="timeline-note"]').isVisible(), false, 'no note over no chart');
    assert.equal(await host.locator('[part="timeline"] select').first().isVisible(), true, 'the date range');
    await host.locator(`[part="facet-value"][data-facet="person"][data-value="${person}"]`).click();
    await resultsFor(host, TAMTAM, 'the person unchosen');
    assert.equal(await timelineTitle.isVisible(), true, 'the timeline heading is back');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('keyboard only: Tab to a chip, arrows (mirrored in RTL), Space toggles, remove and clear buttons', async () => {
    const { context, page, errors, host, input } = await open('/');
    await input.focus();
    await facetsShown(host);
    // Tab from the input: the timeline (one stop), the date range, then the first facet.
    const stops = [];
    for (let i = 0; i < 8 && !(await focused(page)).startsWith('button.chip'); i++) {
      await page.keyboard.press('Tab');
      stops.push(await focused(page));
    }
    assert.deepEqual(stops, ['g.bar', 'select.date-from', 'select.date-to', 'button.chip'], stops.join(' → '));
    const ring = () => page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      const s = getComputedStyle(el);
      return { outline: parseFloat(s.outlineWidth), visible: el.matches(':focus-visible') };
    });
    assert.ok((await ring()).outline >= 2 && (await ring()).visible, 'visible focus on the chip');
    assert.equal(await focusedData(page, 'data-facet'), 'platform');

    // The platform chips, in reading order; in RTL the next one is to the left.
    const chips = host.locator('[part="facet-value"][data-facet="platform"]');
    const values = await chips.evaluateAll((els) => els.map((e) => e.dataset.value));
    const [a, b] = [await chips.nth(0).boundingBox(), await chips.nth(1).boundingBox()];
    assert.ok(b.x + b.width <= a.x + 1 || b.y > a.y + a.height / 2, 'the second chip is left of (or below) the first');
    assert.equal(await focusedData(page, 'data-value'), values[0]);
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focusedData(page, 'data-value'), values[1], 'ArrowLeft = next in RTL');
    await page.keyboard.press('ArrowRight');
    assert.equal(await focusedData(page, 'data-value'), values[0], 'ArrowRight = previous in RTL');
    await page.keyboard.press('ArrowRight');
    assert.equal(await focusedData(page, 'data-value'), values[0], 'no wrapping at the first');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedData(page, 'data-value'), values[1]);
    await page.keyboard.press('End');
    assert.equal(await focused(page), 'button.more-values', 'End: the facet’s "show all"');
    await page.keyboard.press('Home');
    assert.equal(await focusedData(page, 'data-value'), values[0]);
    // One Tab stop per facet: the focused chip has tabindex 0, the others -1.
    assert.deepEqual(await chips.evaluateAll((els) => els.map((e) => e.tabIndex)), values.map((v, i) => (i === 0 ? 0 : -1)));

    // To TamTam, and Space chooses it.
    const at = values.indexOf('tamtam');
    assert.ok(at > 0, `tamtam among the first platform values: ${values}`);
    for (let i = 0; i < at; i++) await page.keyboard.press('ArrowLeft');
    assert.equal(await focusedData(page, 'data-value'), 'tamtam');
    await page.keyboard.press('Space');
    assert.deepEqual((await resultsFor(host, TAMTAM, 'TamTam chosen with Space')).sort(), ids(TAMTAM));
    assert.equal(await focusedData(page, 'data-value'), 'tamtam', 'focus stays on the chip');
    assert.equal(await focusedData(page, 'aria-pressed'), 'true');

    // Leaving the facet and coming back lands on the chip last used.
    await page.keyboard.press('Tab');
    assert.notEqual(await focusedData(page, 'data-facet'), 'platform');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focusedData(page, 'data-value'), 'tamtam');

    // Back to the timeline; → / ← follow the chart (later / earlier); Enter chooses a bar.
    for (let i = 0; i < 6 && (await focused(page)) !== 'g.bar'; i++) await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(page), 'g.bar');
    const periods = (await bars(host)).map((x) => x.period);
    await page.keyboard.press('Home');
    assert.equal(await focusedData(page, 'data-period'), periods[0]);
    await page.keyboard.press('ArrowRight');
    assert.equal(await focusedData(page, 'data-period'), periods[1], 'ArrowRight = later (time runs left to right)');
    const stroke = await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return parseFloat(getComputedStyle(el.querySelector('.bar-hit')).strokeWidth);
    });
    assert.ok(stroke >= 2, 'visible focus on the bar');
    await page.keyboard.press('End');
    const lastPeriod = periods.at(-1);
    assert.equal(await focusedData(page, 'data-period'), lastPeriod);
    await page.keyboard.press('Enter');
    const both = TAMTAM.filter((d) => about(lastPeriod).includes(d));
    await resultsFor(host, both, `TamTam articles about ${lastPeriod}`);
    assert.equal(await focusedData(page, 'aria-pressed'), 'true');

    // The summary: remove the date range with its button (focus moves to the next one), then
    // "clear filters" (focus goes to the first facet).
    assert.equal(await host.locator('[part="filter-chip"]').count(), 2);
    for (let i = 0; i < 6 && !(await focusedData(page, 'data-kind'))?.startsWith('date'); i++) await page.keyboard.press('Shift+Tab');
    assert.equal(await focusedData(page, 'data-kind'), 'date');
    await page.keyboard.press('Enter');
    await resultsFor(host, TAMTAM, 'the date range removed');
    assert.equal(await host.locator('[part="filter-chip"]').count(), 1);
    assert.equal(await focused(page), 'button.filter-chip');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'button.clear');
    await page.keyboard.press('Enter');
    await until(() => host.evaluate((el) => el.state === 'idle' && JSON.stringify(el.filters) === '{}' && !el.dateFrom), 'everything cleared');
    assert.equal(await focused(page), 'button.chip', 'focus on the first facet after clearing');
    assert.equal(await host.locator('[part="facet-value"][aria-pressed="true"]').count(), 0);
    await until(() => page.evaluate(() => location.search === ''), 'the URL cleared');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('sort, a validated date range, a timeline bar, and restoring filters from the URL', async () => {
    const { context, page, errors, host, input } = await open('/');
    await input.click();
    await input.pressSequentially('داعش');
    const all = corpus.filter((d) => fold(docText(d)).includes('داعش'));
    const relevance = await resultsFor(host, all, 'داعش');
    const sortSelect = host.locator('[part="sort"]');
    assert.deepEqual(await sortSelect.locator('option').allTextContents(), ['الأكثر صلة', 'الأحدث أولًا', 'الأقدم أولًا']);

    // Sort by newest: the order changes, and follows the articles' dates.
    const yearOf = (id) => sortYear(corpus.find((d) => d.id === id));
    await sortSelect.focus();
    await sortSelect.selectOption('newest');
    await until(() => host.evaluate((el) => el.sort === 'newest' && el.results?.hits[0] && el.state === 'results'), 'newest');
    await until(async () => JSON.stringify(await host.evaluate((el) => el.results.hits.map((h) => h.id))) !== JSON.stringify(relevance), 'a new order');
    const newest = await host.evaluate((el) => el.results.hits.map((h) => h.id));
    assert.deepEqual([...newest].sort(), [...relevance].sort(), 'the same articles');
    const years = newest.map(yearOf);
    assert.deepEqual(years, [...years].sort().reverse(), `newest first: ${years}`);
    // Each card shows the date the order goes by: the publication date, or else the latest
    // date its text mentions.
    const dates = await host.locator('[part="option"]').evaluateAll((options) => options.map((o) => o.querySelector('.date time')?.getAttribute('datetime') ?? null));
    assert.ok(dates.every((d) => d && /^\d{4}/.test(d)), `a date on every card: ${dates}`);
    assert.deepEqual(dates.map((d) => d.slice(0, 4)), years, 'the years the order went by');
    assert.ok(await host.locator('[part="option"] .mention').count() > 0, 'an undated article shows the latest date it mentions');
    await sortSelect.selectOption('oldest');
    await until(async () => {
      const y = (await host.evaluate((el) => el.results.hits.map((h) => h.id))).map(yearOf);
      return JSON.stringify(y) === JSON.stringify([...y].sort());
    }, 'oldest first');
    await until(() => page.evaluate(() => new URL(location.href).searchParams.get('q.sort') === 'oldest'), 'q.sort in the URL');
    await sortSelect.selectOption('relevance');

    // A date range 2017–2017, with no query: the articles about 2017.
    await input.fill('');
    const from = host.locator('[part="date-from"]');
    const to = host.locator('[part="date-to"]');
    await from.selectOption('2017');
    await to.selectOption('2017');
    const in2017 = about('2017');
    assert.ok(in2017.length >= 2 && in2017.length < corpus.length);
    assert.deepEqual((await resultsFor(host, in2017, 'the articles about 2017')).sort(), ids(in2017));
    assert.deepEqual(await host.locator('[part="filter-chip"] .text').allTextContents(), ['٢٠١٧']);
    assert.equal((await bars(host)).find((b) => b.period === '2017').pressed, 'true', '2017–2017 is the 2017 bar');
    await until(() => page.evaluate(() => location.search === '?q.from=2017&q.to=2017'), 'the range in the URL');
    // With no query the list is newest first, and the sort says so: "most relevant" is not a
    // choice then (it comes back with a query).
    assert.equal(await sortSelect.inputValue(), 'newest');
    assert.equal(await sortSelect.locator('option[value="relevance"]').isDisabled(), true);
    assert.equal(await host.evaluate((el) => el.sort), 'relevance', 'the property is unchanged');

    // A reversed range is not applied: said next to the selects, marked invalid.
    await from.selectOption('2018');
    const error = host.locator('.range-error');
    await until(async () => (await error.textContent()).length > 0, 'the range error');
    assert.equal(await error.textContent(), 'يجب ألا تكون بداية المدة بعد نهايتها.');
    assert.equal(await from.getAttribute('aria-invalid'), 'true');
    assert.equal(await from.getAttribute('aria-describedby'), await error.getAttribute('id'));
    assert.equal(await host.evaluate((el) => el.dateFrom), '2017', 'still 2017–2017');
    assert.equal(await host.evaluate((el) => el.state), 'results');
    await from.selectOption('');
    await until(async () => (await error.textContent()) === '', 'the error gone');
    assert.equal(await from.getAttribute('aria-invalid'), null);
    await until(() => host.evaluate((el) => el.dateFrom === null && el.dateTo === '2017' && el.state === 'results'), 'until 2017');
    assert.deepEqual(await host.locator('[part="filter-chip"] .text').allTextContents(), ['حتى ٢٠١٧']);
    await to.selectOption('');

    // Clicking a bar filters to its year; clicking it again lets go.
    await until(() => host.evaluate((el) => el.state === 'idle'), 'idle again');
    const bar2018 = host.locator('[part="bar"][data-period="2018"]');
    await bar2018.click();
    const in2018 = about('2018');
    assert.deepEqual((await resultsFor(host, in2018, 'the articles about 2018')).sort(), ids(in2018));
    assert.equal(await bar2018.getAttribute('aria-pressed'), 'true');
    assert.deepEqual([await from.inputValue(), await to.inputValue()], ['2018', '2018']);
    assert.ok(await host.locator('[part="timeline"] svg[data-range]').count(), 'the other bars are dimmed');
    // The one bar in range counts exactly the articles listed: no note about counting twice.
    assert.equal(await host.locator('[part="timeline-note"]').isVisible(), false, 'no note for one year');
    await bar2018.click();
    await until(() => host.evaluate((el) => el.state === 'idle' && !el.dateFrom), 'the bar let go');
    assert.equal(await bar2018.getAttribute('aria-pressed'), 'false');
    await context.close();

    // A shared URL restores the filters, the sort and the query, with no interaction.
    const restored = await open(`/?utm=x&q=${encodeURIComponent('تيليجرام')}&q.f.platform=tamtam&q.sort=oldest#tips-title`);
    const rhost = restored.host;
    const both = TAMTAM.filter((d) => TELEGRAM.includes(d));
    await resultsFor(rhost, both, 'restored from the URL');
    assert.equal(await rhost.locator('[part="facet-value"][data-value="tamtam"]').getAttribute('aria-pressed'), 'true');
    assert.equal(await rhost.locator('[part="sort"]').inputValue(), 'oldest');
    assert.equal(await restored.input.inputValue(), 'تيليجرام');
    assert.deepEqual(await rhost.evaluate((el) => [el.filters, el.sort]), [{ platform: ['tamtam'] }, 'oldest']);
    await restored.page.waitForTimeout(400); // longer than the URL write delay: nothing changes
    assert.equal(await restored.page.evaluate(() => location.search + location.hash), `?utm=x&q=${encodeURIComponent('تيليجرام')}&q.f.platform=tamtam&q.sort=oldest#tips-title`);
    // Back/forward: a URL without our parameters clears them.
    await restored.page.evaluate(() => {
      history.pushState(null, '', '/?utm=x');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await until(() => rhost.evaluate((el) => el.state === 'idle' && JSON.stringify(el.filters) === '{}' && el.sort === 'relevance'), 'cleared by the navigation');
    assert.deepEqual([...errors, ...restored.errors], []);
    await restored.context.close();
  });

  test('360 px (the Filters disclosure), dark, LTR/English, and the worker: screenshots, axe, same results', async () => {
    // Narrow: the facets wait behind the "تصفية" button; the chosen filter shows beside it.
    const narrow = await open('/?q.f.platform=tamtam', { viewport: { width: 360, height: 800 } });
    const nhost = narrow.host;
    await resultsFor(nhost, TAMTAM, 'TamTam (narrow)');
    const toggle = nhost.locator('[part="facets-toggle"]');
    assert.ok(await toggle.isVisible());
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.match(await toggle.textContent(), /تصفية/);
    assert.equal(await nhost.locator('.facets-body').isVisible(), false);
    assert.ok(await nhost.locator('[part="filter-chip"]').isVisible());
    await toggle.focus();
    await narrow.page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.ok(await nhost.locator('.facets-body').isVisible());
    assert.ok(await nhost.locator('[part="timeline"] svg').isVisible());
    const overflow = await narrow.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal overflow (${overflow}px)`);
    await snapshot(narrow.page, 'facets-narrow-360-open.png', { fullPage: true });
    assertNoAxe(await axeViolations(narrow.page), '360 px, filters open');
    // The open panel ends with a button back to the results, which names how many there are:
    // it closes the panel and leaves the keyboard on the toggle, the results right below.
    const done = nhost.locator('[part="facets-done"]');
    assert.equal(await done.textContent(), `عرض النتائج (${String(TAMTAM.length).replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[d])})`);
    await done.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await nhost.locator('.facets-body').isVisible(), false);
    assert.equal(await nhost.evaluate((el) => el.shadowRoot.activeElement?.getAttribute('part')), 'facets-toggle');
    const [toggleBox, firstBox] = [await toggle.boundingBox(), await nhost.locator('[role="option"]').first().boundingBox()];
    assert.ok(firstBox.y > toggleBox.y && firstBox.y < 800, `the first result (y ${firstBox.y}) is on screen below the toggle (y ${toggleBox.y})`);
    // Escape inside the open panel closes it, back to its button.
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const chip = nhost.locator('[part="facet-value"]').first();
    await chip.focus();
    await narrow.page.keyboard.press('Escape');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'Escape closes the panel');
    assert.equal(await nhost.locator('.facets-body').isVisible(), false);
    assert.equal(await nhost.evaluate((el) => el.shadowRoot.activeElement?.getAttribute('part')), 'facets-toggle');
    assert.equal(await nhost.evaluate((el) => el.state), 'results', 'the search stays');
    // The panel's state is kept in the history entry: left open, it is open again when the
    // page is reloaded or the reader comes back from an article; closed, it stays closed.
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await narrow.page.reload();
    await resultsFor(nhost, TAMTAM, 'TamTam after a reload');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true', 'open again after a reload');
    assert.ok(await nhost.locator('.facets-body').isVisible());
    await narrow.page.goto(new URL(`/articles/${corpus[0].id}.html`, narrow.page.url()).href);
    await narrow.page.goBack();
    await resultsFor(nhost, TAMTAM, 'TamTam after Back');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true', 'open again after Back');
    await nhost.locator('[part="facets-done"]').click();
    await narrow.page.reload();
    await resultsFor(nhost, TAMTAM, 'TamTam after a second reload');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'closed stays closed');
    const mainResults = await nhost.evaluate((el) => el.results);
    // A query nothing matches, with the filter chosen: the panel stays (the filter is what to
    // undo). Without it there is nothing to filter: no Filters button, the empty state's
    // advice right under the input, and the keyboard back in the input.
    // The breakpoints follow the widget's own font size, not the page's root: a page with
    // html { font-size: 10px } does not make a 460 px widget two columns wide.
    await narrow.page.setViewportSize({ width: 1100, height: 800 });
    await narrow.page.evaluate(() => {
      document.documentElement.style.fontSize = '10px';
      document.querySelector('fahras-search').style.cssText += ';inline-size: 460px; display: block';
    });
    await until(async () => (await nhost.boundingBox()).width <= 461, 'a 460 px widget');
    assert.equal(await toggle.isVisible(), true, 'narrow layout: the Filters button, not a 138 px column');
    await narrow.page.evaluate(() => {
      document.documentElement.style.fontSize = '';
      document.querySelector('fahras-search').style.inlineSize = '';
    });
    await narrow.page.setViewportSize({ width: 360, height: 800 });
    await nhost.evaluate((el) => (el.query = 'زززققق'));
    await until(() => nhost.evaluate((el) => el.state === 'empty'), 'no match');
    assert.equal(await toggle.isVisible(), true, 'the panel stays while a filter is chosen');
    await nhost.locator('[part="filter-chip"]').click();
    await until(() => nhost.evaluate((el) => el.state === 'empty' && !Object.keys(el.filters).length), 'the filter removed');
    // The panel goes once the search without the filter has answered (until then the empty
    // state is the filtered search's), so wait for that rather than look at once.
    await until(async () => !(await nhost.locator('[part="facets"]').isVisible()), 'no panel over nothing to filter');
    assert.equal(await nhost.evaluate((el) => el.shadowRoot.activeElement?.tagName), 'INPUT', 'focus back in the input, not lost');
    const [inputBox, emptyBox] = [await nhost.locator('input').boundingBox(), await nhost.locator('[part="empty"]').boundingBox()];
    assert.ok(emptyBox.y > inputBox.y && emptyBox.y - (inputBox.y + inputBox.height) < 80, `the empty state right under the input (${emptyBox.y} after ${inputBox.y + inputBox.height})`);
    await snapshot(narrow.page, 'facets-narrow-360-empty.png');
    // Something matches again: the panel is back.
    await nhost.evaluate((el) => (el.query = 'داعش'));
    await until(() => nhost.evaluate((el) => el.state === 'results'), 'results again');
    assert.equal(await toggle.isVisible(), true, 'the Filters button is back');
    // A date range that leaves nothing, then removing it: the panel stays up until the
    // search without it answers (it once hid at once, the state still 'empty').
    await nhost.evaluate((el) => { el.dateFrom = '1990'; el.dateTo = '1990'; });
    await until(() => nhost.evaluate((el) => el.state === 'empty'), 'nothing in 1990');
    await nhost.evaluate((el) => {
      const region = el.shadowRoot.querySelector('[part="facets"]');
      window.__panelHid = false;
      new MutationObserver(() => { if (region.hidden) window.__panelHid = true; }).observe(region, { attributes: true, attributeFilter: ['hidden'] });
    });
    await nhost.locator('[part="filter-chip"]').click();
    await until(() => nhost.evaluate((el) => el.state === 'results' && !el.dateFrom), 'the range removed');
    assert.equal(await narrow.page.evaluate(() => window.__panelHid), false, 'the panel never hid on the way');
    assert.deepEqual(narrow.errors, []);
    await narrow.context.close();

    // Dark.
    const dark = await open(`/?q=${encodeURIComponent('تيليجرام')}&q.from=2017&q.to=2018`, { viewport: { width: 1100, height: 1000 }, colorScheme: 'dark' });
    await until(() => dark.host.evaluate((el) => el.state === 'results' && el.dateFrom === '2017'), 'dark results');
    await facetsShown(dark.host);
    const chipBg = await dark.host.locator('[part="facet-value"]').first().evaluate((e) => getComputedStyle(e).backgroundColor);
    assert.notEqual(chipBg, 'rgb(255, 255, 255)', 'dark palette');
    assert.equal(await dark.host.locator('[part="facets-done"]').isVisible(), false, 'no "show results" beside the results');
    await snapshot(dark.page, 'facets-dark.png', { fullPage: true });
    assertNoAxe(await axeViolations(dark.page), 'dark');
    assert.deepEqual(dark.errors, []);
    await dark.context.close();

    // English, left to right: English labels; ArrowRight is the next chip.
    const ltr = await open('/', { viewport: { width: 1100, height: 1000 }, locale: 'en' });
    await ltr.host.evaluate((el) => {
      el.setAttribute('lang', 'en');
      el.setAttribute('dir', 'ltr');
      el.filters = { platform: ['tamtam'] };
    });
    await resultsFor(ltr.host, TAMTAM, 'TamTam (English)');
    const legends = await ltr.host.locator('[part="facet"] legend').allTextContents();
    assert.deepEqual(legends.slice(0, 4), ['Platforms', 'Organisations', 'Places', 'People']);
    assert.equal(await ltr.host.locator('[data-value="tamtam"] .value-label').textContent(), 'TamTam');
    assert.deepEqual(await ltr.host.locator('[part="sort"] option').allTextContents(), ['Most relevant', 'Newest first', 'Oldest first']);
    assert.match((await bars(ltr.host)).find((b) => b.period === '2017').label, /^2017: \d+ articles?$/);
    const first = ltr.host.locator('[part="facet-value"][data-facet="platform"]').first();
    await first.focus();
    await ltr.page.keyboard.press('ArrowRight');
    const second = await ltr.host.locator('[part="facet-value"][data-facet="platform"]').nth(1).getAttribute('data-value');
    assert.equal(await focusedData(ltr.page, 'data-value'), second, 'ArrowRight = next in LTR');
    await snapshot(ltr.page, 'facets-ltr-en.png', { fullPage: true });
    assertNoAxe(await axeViolations(ltr.page), 'LTR English');
    assert.deepEqual(ltr.errors, []);
    await ltr.context.close();

    // The worker gets the same options and gives the same results (facets included).
    const worker = await open('/');
    await worker.host.evaluate((el) => {
      el.worker = true;
      el.filters = { platform: ['tamtam'] };
    });
    await resultsFor(worker.host, TAMTAM, 'TamTam in the worker');
    await until(() => worker.page.workers().length === 1, 'a worker');
    assert.deepEqual(await worker.host.evaluate((el) => el.results), mainResults);
    assert.deepEqual(worker.errors, []);
    await worker.context.close();
  });

  test('a chosen month stays visible when the chart turns to years: its year is not dimmed', async () => {
    // A month chosen on the month chart (a query of few years), then a query of many years:
    // the chart shows years, and the year that holds the month is not greyed out with the
    // years outside the range.
    const { context, page, host, input, errors } = await open();
    await input.click();
    await input.pressSequentially('داعش');
    await until(() => host.evaluate((el) => el.state === 'results'), 'results');
    await host.evaluate((el) => { el.dateFrom = '2017-10'; el.dateTo = '2017-10'; });
    await until(() => host.evaluate((el) => el.state === 'results' && el.results?.query === 'داعش' && el.dateFrom === '2017-10'), 'the month range');
    const shown = await host.evaluate((el) => [...el.shadowRoot.querySelectorAll('[part="bar"][role="button"]')].map((g) => ({
      period: g.dataset.period,
      overlaps: g.hasAttribute('data-overlaps-range'),
      opacity: getComputedStyle(g.querySelector('.bar-fill')).opacity,
    })));
    assert.ok(shown.length > 2 && shown.every((b) => /^\d{4}$/.test(b.period)), `a chart of years: ${JSON.stringify(shown)}`);
    for (const bar of shown) {
      assert.equal(bar.overlaps, bar.period === '2017', JSON.stringify(bar));
      assert.equal(bar.opacity === '1', bar.period === '2017', `${bar.period} dimmed: ${bar.opacity}`);
    }
    // Its bar counts the whole year, more than the results of the month: a note says so.
    const bar2017 = await host.locator('[part="bar"][data-period="2017"]').getAttribute('aria-label');
    const results = await host.evaluate((el) => el.results.total);
    const western = bar2017.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));
    assert.ok(Number(western.match(/: (\d+)/)?.[1] ?? 0) > results, `2017: ${bar2017}, ${results} results`);
    const note = host.locator('[part="timeline-note"]');
    assert.ok(await note.isVisible(), 'a note under a bar the range covers only part of');
    assert.equal(await note.textContent(), 'المدة المختارة جزء من سنة ٢٠١٧ فقط، وعمودها يعدّ مقالات السنة كلها.');
    await snapshot(page, 'timeline-month-under-years.png', { fullPage: true });
    // A chip's count is read in words («داعش، ٥ مقالات»، «القاعدة، مقالتان»…); on screen only the number.
    const chip = await host.locator('[part="facet-value"]').first().evaluate((c) => ({
      text: c.textContent,
      noun: c.lastElementChild.getBoundingClientRect().width,
    }));
    assert.match(chip.text, /، ([٠-٩]+ مقالة|[٠-٩]+ مقالات|مقالة واحدة|مقالتان)$/, JSON.stringify(chip));
    assert.ok(chip.noun <= 1, `the noun is not shown: ${JSON.stringify(chip)}`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('an excluded value from a shared link shows its label, not its id', async () => {
    if (skip) return;
    // An excluded value is never counted, so no count brings its label.
    const { context, page, host, errors } = await open('/?q=%D8%AF%D8%A7%D8%B9%D8%B4&q.x.platform=twitter');
    await facetsShown(host);
    await until(async () => (await host.locator('[part="filter-chip"] .text').allTextContents()).join() === 'ليس تويتر', 'the chip «ليس تويتر»');
    assert.equal(await host.getByRole('button', { name: 'إزالة عامل التصفية: ليس تويتر', exact: true }).count(), 1);
    assert.deepEqual(errors, []);
    await snapshot(page, 'facets-excluded-from-link.png');
    await context.close();
  });
});
