// Browser tests from using the widget as a reader and a screen-reader user would: what the
// accessibility tree says about the results, the live region, and the layout at the sizes
// readers use. Chromium's own accessibility tree (CDP Accessibility.getFullAXTree), which is
// what screen readers are given, not the DOM.
//
//   FAHRAS_REQUIRE_REAL=1 node --test --test-concurrency=1 tests/browser/reader.test.mjs

import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  USE_REAL, PAGES_DIR, MIXED_SCRIPT_CORPUS, launch, startServer, until, screenshotPath, findTypo, axeViolations, requireRealPkg, openPage, buildFixtureIndex,
} from './helpers.mjs';

const skip = !USE_REAL && 'needs the real engine (www/pkg): run scripts/build-wasm.sh';

let browser;
let server;
let tmp;

before(async () => {
  requireRealPkg();
  if (!USE_REAL) return;
  browser = await launch();
  // A real index of articles in more than one script (tests/browser/fixtures/mixed-script-corpus).
  tmp = mkdtempSync(path.join(tmpdir(), 'fahras-reader-'));
  const mixedDir = buildFixtureIndex(MIXED_SCRIPT_CORPUS, tmp, 'mixed');
  server = await startServer({ mounts: { '/t/': PAGES_DIR, '/__mixed__/': mixedDir } });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function open(pathname, { viewport = { width: 1100, height: 850 }, locale = 'ar', colorScheme = 'light' } = {}) {
  return openPage(browser, new URL(pathname, server.url).href, { viewport, locale, colorScheme });
}

/** Type `query` into the (first) widget and wait for its results or empty state. */
async function search(page, query, selector = 'fahras-search') {
  const host = page.locator(selector).first();
  const input = host.locator('input').first();
  await input.click();
  await input.fill('');
  await input.pressSequentially(query);
  await until(
    () => host.evaluate((el, q) => (el.state === 'results' || el.state === 'empty') && el.results?.query === q, query),
    `results for «${query}»`,
  );
  return { host, input };
}

/** The unignored nodes of Chromium's accessibility tree: {role, name, description}. */
async function axNodes(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes
    .filter((n) => !n.ignored)
    .map((n) => ({ role: n.role?.value, name: n.name?.value ?? '', description: n.description?.value ?? '' }));
}

const squash = (s) => s.replace(/\s+/g, ' ').trim();

describe('what a screen reader is told', { skip }, () => {
  test('a result (option) is named by its title alone; date, author, source and snippet are its description', async () => {
    const { context, page, errors } = await open('/');
    const { host } = await search(page, 'داعش');
    const cards = await host.locator('[role="option"]').evaluateAll((els) =>
      els.map((el) => ({
        title: el.querySelector('[part="title"]').textContent,
        meta: el.querySelector('[part="meta"]').textContent,
        snippet: el.querySelector('[part="snippet"]').textContent,
      })),
    );
    assert.ok(cards.length >= 3, `results: ${cards.length}`);
    const options = (await axNodes(page)).filter((n) => n.role === 'option' && cards.some((c) => squash(c.title) === squash(n.name)));
    assert.equal(options.length, cards.length, `options named by their titles:\n${JSON.stringify(await axNodes(page), null, 1).slice(0, 3000)}`);
    for (const [i, card] of cards.entries()) {
      const ax = options[i];
      assert.equal(squash(ax.name), squash(card.title), 'the name is the title');
      assert.ok(!squash(ax.name).includes(squash(card.snippet).slice(0, 20)), `the snippet is not in the name: ${ax.name}`);
      assert.ok(squash(ax.description).includes(squash(card.snippet).slice(0, 30)), `the snippet is in the description: ${ax.description}`);
      if (squash(card.meta)) {
        assert.ok(squash(ax.description).includes(squash(card.meta).split(' ')[0]), `the date/author/source is in the description: ${ax.description}`);
        // A pause between the last of them and the snippet (they are lines apart on screen).
        assert.ok(squash(ax.description).includes(`. ${squash(card.snippet).slice(0, 15)}`), `a full stop before the snippet: ${ax.description}`);
      }
    }
    // The same in an English page (axe's label-content-name-mismatch looks at Latin text only).
    const ltr = await open('/t/ltr.html', { locale: 'en' });
    await search(ltr.page, 'telegram');
    const named = (await axNodes(ltr.page)).filter((n) => n.role === 'option');
    assert.ok(named.length >= 1);
    for (const n of named) {
      assert.doesNotMatch(n.name, /Latest date|\d{4}/, `the name is the title: ${n.name}`);
      assert.match(n.description, /^(Latest date mentioned: )?\S.*\. \S/, `the description: ${n.description}`);
    }
    const violations = await axeViolations(ltr.page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
    await ltr.context.close();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('"did you mean": the status line says it after a full stop that is heard, not shown', async () => {
    const { query, suggestion } = await findTypo();
    const { context, page, errors } = await open('/');
    const { host } = await search(page, query.trim());
    const status = host.locator('[part="status"]');
    // What is read: «٥ نتائج. هل تقصد: …».
    assert.match(await status.textContent(), new RegExp(`[^ .]\\. هل تقصد: ${suggestion}$`));
    // What is seen: the count alone, no stray full stop after it.
    const shown = await status.evaluate((el) => {
      const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let text = '';
      while (walk.nextNode()) if (!walk.currentNode.parentElement.closest('.visually-hidden')) text += walk.currentNode.data;
      return text.trim();
    });
    assert.match(shown, /^[٠-٩]+ نتائج$|^نتيجة واحدة$|^نتيجتان$/, `shown: «${shown}»`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the live region speaks once the reader pauses, not at every keystroke; the same words for new results are said again', async () => {
    const { context, page, errors } = await open('/');
    const host = page.locator('fahras-search');
    const input = host.locator('input');
    await input.click();
    const live = host.locator('[role="status"]');
    assert.equal(await live.count(), 1, 'one live region');
    assert.equal(await live.getAttribute('aria-live'), 'polite');
    // Always rendered (a region that appears together with its text is often not read).
    assert.notEqual(await live.evaluate((el) => getComputedStyle(el).display), 'none');
    await until(() => host.evaluate((el) => el.state === 'idle' && !!el.info), 'the engine');
    await page.waitForTimeout(800);
    await live.evaluate((el) => {
      window.__said = [];
      new MutationObserver(() => window.__said.push(el.textContent)).observe(el, { childList: true, subtree: true, characterData: true });
    });
    const said = async (query) => {
      await page.evaluate(() => (window.__said.length = 0));
      await input.pressSequentially(query, { delay: 90 }); // a steady typist: ~11 keys a second
      await until(() => host.evaluate((el, q) => el.state === 'results' && el.results?.query === q, query), `results for «${query}»`);
      await page.waitForTimeout(1200);
      return page.evaluate(() => window.__said.map((t) => t.trim()));
    };
    const first = await said('حسابات داعش');
    const count = (await host.locator('[part="status"]').textContent()).trim();
    const firstTotal = await host.evaluate((el) => el.results.total);
    assert.deepEqual(first, [count], 'said once, the final count');
    // Another query with as many results, typed without a pause after clearing: the same
    // words are said again (the reader must hear that this search is done too).
    await input.fill('');
    const again = await said('تيليجرام');
    assert.equal(await host.evaluate((el) => el.results.total), firstTotal, 'as many results: the same words');
    assert.deepEqual(again.map((t) => t.trim()), [count], `said once more: ${JSON.stringify(again)}`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('every button and field is named once: no description that repeats its name', async () => {
    for (const [pathname, locale, query] of [['/', 'ar', 'داعس'], ['/t/ltr.html', 'en', 'telegram'], ['/t/modal.html', 'ar', 'تيليجرام']]) {
      const { context, page, errors } = await open(pathname, { locale });
      if (pathname.includes('modal')) {
        await page.locator('h1').click();
        await page.keyboard.press('/');
        await page.keyboard.type(query);
        await until(() => page.locator('fahras-search').evaluate((el, q) => el.state === 'results' && el.results?.query === q, query), `results for «${query}»`);
      } else {
        await search(page, query);
      }
      const twice = (await axNodes(page)).filter((n) => n.name && n.name.trim() === n.description.trim());
      assert.deepEqual(twice, [], `${pathname}: read twice`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  test('a facet value is read with its count in words: «مقالة واحدة», «مقالتان», «٥ مقالات», not «١ مقالة», «٢ مقالة»', async () => {
    const { context, page, errors } = await open('/');
    const { host } = await search(page, 'داعش');
    await host.locator('[part="facet-value"]').first().waitFor();
    const chips = await host.locator('[part="facet-value"]').evaluateAll((els) =>
      els.map((c) => ({ label: c.querySelector('.value-label').textContent, count: c.querySelector('[part="facet-count"]').textContent })),
    );
    const named = new Map((await axNodes(page)).filter((n) => n.role === 'button').map((n) => [n.name.replace(/\s+/g, ' ').replace(' ،', '،'), n]));
    const seen = new Set();
    for (const { label, count } of chips) {
      const words = { '١': 'مقالة واحدة', '٢': 'مقالتان' }[count] ?? `${count} مقالات`;
      if (!/^[١-٩]$/.test(count)) continue; // (11 and more: «١١ مقالة»)
      const name = `${label}، ${words}`;
      assert.ok(named.has(name), `«${name}» among ${JSON.stringify([...named.keys()].slice(0, 20))}`);
      seen.add(count);
    }
    assert.ok(seen.has('١') && seen.has('٢'), `chips with one and two articles: ${[...seen]}`);
    // On screen, still the number alone.
    const shown = await host.locator('[part="facet-value"]').first().evaluate((c) =>
      [...c.querySelectorAll('span')].filter((e) => e.getBoundingClientRect().width > 1).map((e) => e.textContent).join(' '),
    );
    assert.doesNotMatch(shown, /مقال/, shown);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('an Arabic result in an English widget is marked lang=ar (an English voice skips Arabic letters); the widget\'s own words in it stay English', async () => {
    const { context, page, errors } = await open('/t/ltr.html', { locale: 'en' });
    const { host } = await search(page, 'telegram');
    const options = await host.locator('[role="option"]').evaluateAll((els) =>
      els.map((o) => ({
        title: o.querySelector('[part="title"]').textContent,
        lang: o.closest('[lang]').lang,
        dates: [...o.querySelectorAll('.date')].map((d) => [d.textContent, d.closest('[lang]').lang]),
      })),
    );
    assert.ok(options.length >= 1);
    for (const o of options) {
      assert.equal(o.lang, 'ar', `lang of «${o.title}»`);
      for (const [text, lang] of o.dates) assert.equal(lang, 'en', `«${text}» is the widget's English`);
    }
    assert.ok(options.some((o) => o.dates.length), 'a result with a date');
    // So is an Arabic facet value (a name with no English label: an author, a source).
    const chips = await host.locator('[part="facet-value"] .value-label').evaluateAll((els) =>
      els.map((l) => [l.textContent, l.closest('[lang]').lang]),
    );
    const arabicChips = chips.filter(([text]) => /[\u0600-\u06FF]/.test(text));
    assert.ok(arabicChips.length >= 1, JSON.stringify(chips));
    for (const [text, lang] of chips) assert.equal(lang, /[\u0600-\u06FF]/.test(text) ? 'ar' : 'en', `lang of the facet value «${text}»`);
    // In the Arabic widget nothing changes: the widget's lang is the article's.
    const ar = await open('/');
    const { host: arHost } = await search(ar.page, 'داعش');
    assert.deepEqual(await arHost.locator('[role="option"][lang]').count(), 0);
    await ar.context.close();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a result opens in a new tab on a middle click or Ctrl+click, as a link would, and the search stays', async () => {
    const { context, page, errors } = await open('/');
    const { host } = await search(page, 'داعش');
    const option = host.locator('[role="option"]').first();
    assert.ok(await option.evaluate((o) => o.classList.contains('has-url')), 'the demo\'s results have a URL');
    for (const how of [{ button: 'middle' }, { modifiers: ['ControlOrMeta'] }]) {
      const [tab] = await Promise.all([context.waitForEvent('page', { timeout: 5000 }), option.click(how)]);
      await tab.waitForLoadState();
      assert.match(tab.url(), /\/articles\/[^/]+\.html$/, JSON.stringify(how));
      await tab.close();
      assert.match(page.url(), /\/(index\.html)?(\?.*)?$/, `the search page stays (${JSON.stringify(how)})`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a result with a URL is a link to it (its address on hover, its context menu), still an option of the combobox; a site that cancels the select event keeps the reader on the page', async () => {
    const { context, page, errors } = await open('/');
    const { host, input } = await search(page, 'داعش');
    const options = host.locator('[role="option"]');
    // Each option is the link itself (<a href role="option">, as the widget's URLs are made).
    const links = await host.evaluate(async (el) => {
      const { hitUrl } = await import('/fahras.js');
      return [...el.shadowRoot.querySelectorAll('[role="option"]')].map((o, i) => ({
        tag: o.localName,
        href: o.getAttribute('href'),
        expected: hitUrl(el.results.hits[i], el.getAttribute('hit-url')),
        tabIndex: o.tabIndex,
        nested: o.querySelectorAll('a, button, input, [tabindex]').length,
      }));
    });
    assert.ok(links.length >= 3, `results: ${links.length}`);
    for (const link of links) {
      assert.ok(link.expected, 'the demo\'s results have a URL');
      assert.deepEqual(link, { tag: 'a', href: link.expected, expected: link.expected, tabIndex: -1, nested: 0 });
    }
    // Chromium says an option, not a link: the combobox's model is unchanged, and no link is
    // nested in an option (axe: nested-interactive).
    const ax = await axNodes(page);
    const titles = await options.locator('[part="title"]').allTextContents();
    assert.deepEqual(ax.filter((n) => n.role === 'option' && titles.includes(n.name)).map((n) => n.name), titles);
    assert.deepEqual(ax.filter((n) => n.role === 'link' && titles.some((t) => n.name.includes(t))), []);
    assert.deepEqual(await axeViolations(page, 'fahras-search'), []);
    // Not Tab stops: Tab leaves the results (the arrows move through them).
    await input.focus();
    await page.keyboard.press('Tab');
    assert.equal(await host.evaluate((el) => el.shadowRoot.activeElement?.getAttribute('role') ?? null), null, 'Tab skips the results');

    // A site that handles the choice itself (cancels the select event): no click, key or
    // middle click leaves the page or opens a tab.
    await page.evaluate(() => {
      window.__selects = 0;
      document.addEventListener('fahras-search-select', (e) => {
        window.__selects++;
        if (window.__cancel) e.preventDefault();
      });
      window.__cancel = true;
    });
    let tabs = 0;
    context.on('page', () => tabs++);
    const here = page.url();
    await options.first().click();
    await options.first().click({ modifiers: ['ControlOrMeta'] });
    await options.first().click({ button: 'middle' });
    await input.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => window.__selects), 4, 'a select event each time');
    assert.equal(page.url(), here, 'the page stays');
    assert.equal(tabs, 0, 'no tab opened');
    // Not canceled, a plain click follows the link in this tab.
    await page.evaluate(() => (window.__cancel = false));
    await Promise.all([page.waitForURL(links[1].href), options.nth(1).click()]);
    assert.equal(await page.evaluate(() => window.__selects), undefined, 'the article, a new page');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('inline, a snippet\'s text can be selected with the mouse (to copy it) without opening the article; a plain click still opens it', async () => {
    const { context, page, errors } = await open('/');
    const { host } = await search(page, 'داعش');
    await page.evaluate(() => {
      window.__selects = 0;
      document.addEventListener('fahras-search-select', () => window.__selects++);
    });
    const option = host.locator('[role="option"]').first();
    const snippet = option.locator('[part="snippet"]');
    const text = squash(await snippet.textContent());
    // A drag along the snippet's first line, from its start (the right: it is Arabic) leftwards.
    const box = await snippet.boundingBox();
    const y = box.y + 12;
    await page.mouse.move(box.x + box.width - 4, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 150, y, { steps: 10 });
    await page.mouse.up();
    const selected = await host.evaluate((el) => String(el.shadowRoot.getSelection()));
    assert.ok(squash(selected).length >= 5 && text.includes(squash(selected)), `selected «${selected}» of «${text}»`);
    await page.waitForTimeout(500);
    assert.equal(new URL(page.url()).pathname, '/', 'the drag opened nothing');
    assert.equal(await page.evaluate(() => window.__selects), 0, 'no select event');
    // The selection can be copied as any text of the page.
    assert.equal(await page.evaluate(() => String(document.getSelection())).then(squash), squash(selected));
    // The same in the English page (results without a URL: no links).
    const ltr = await open('/t/ltr.html', { locale: 'en' });
    const { host: ltrHost } = await search(ltr.page, 'telegram');
    await ltr.page.evaluate(() => {
      window.__selects = 0;
      document.addEventListener('fahras-search-select', () => window.__selects++);
    });
    const meta = await ltrHost.locator('[role="option"] .date').first().boundingBox();
    await ltr.page.mouse.move(meta.x + 2, meta.y + meta.height / 2);
    await ltr.page.mouse.down();
    await ltr.page.mouse.move(meta.x + meta.width - 2, meta.y + meta.height / 2, { steps: 10 });
    await ltr.page.mouse.up();
    assert.ok((await ltrHost.evaluate((el) => String(el.shadowRoot.getSelection()))).trim().length >= 5, 'the date selected');
    assert.equal(await ltr.page.evaluate(() => window.__selects), 0, 'no select event');
    await ltr.context.close();
    // A click (no drag), on the selection too, opens the article.
    await Promise.all([page.waitForURL(/\/articles\/[^/]+\.html$/), page.mouse.click(box.x + box.width - 60, y)]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a chosen filter\'s remove button is named in the widget\'s language around the value, the value marked with its own language and isolated', async () => {
    const named = async (page) =>
      (await axNodes(page)).filter((n) => n.role === 'button' && /^(Remove filter|إزالة عامل التصفية)/.test(n.name)).map((n) => squash(n.name)).sort();
    const chips = (host) =>
      host.locator('[part="filter-chip"]').evaluateAll((els) =>
        els.map((b) => ({
          label: b.getAttribute('aria-label'),
          shown: b.querySelector('.text').textContent,
          names: [...b.querySelectorAll('.name')].map((n) => [n.textContent, n.closest('[lang]').lang, n.dir]),
        })),
      );
    // The English widget: an Arabic source (no English label) and an excluded platform.
    const { context, page, errors } = await open('/t/ltr.html', { locale: 'en' });
    const { host } = await search(page, 'telegram');
    const source = await host.evaluate((el) => el.results.facets.source.find((e) => /[\u0600-\u06FF]/.test(e.labelAr || e.value)));
    assert.ok(source, 'an Arabic source');
    const sourceName = source.labelEn || source.labelAr || source.value;
    await host.evaluate((el, value) => {
      el.filters = { source: [value] };
      el.exclude = { platform: ['facebook'] };
    }, source.value);
    await until(async () => (await host.locator('[part="filter-chip"]').count()) === 2, 'two chosen filters');
    assert.deepEqual(await named(page), [`Remove filter: ${sourceName}`, 'Remove filter: not Facebook'].sort());
    assert.deepEqual(
      (await chips(host)).sort((a, b) => a.shown.localeCompare(b.shown)),
      [
        { label: null, shown: 'not Facebook', names: [['Facebook', 'en', 'auto']] },
        { label: null, shown: sourceName, names: [[sourceName, 'ar', 'auto']] },
      ].sort((a, b) => a.shown.localeCompare(b.shown)),
    );
    assert.deepEqual(await axeViolations(page, 'fahras-search'), []);
    await context.close();
    // The Arabic widget: its own words, Arabic names unmarked (the widget's language), an id in
    // Latin letters (a value no label names) marked English.
    const ar = await open('/');
    const { host: arHost } = await search(ar.page, 'داعش');
    await arHost.evaluate((el) => {
      el.exclude = { platform: ['facebook'] };
      el.filters = { person: ['no-such-person'] };
    });
    await until(async () => (await arHost.locator('[part="filter-chip"]').count()) === 2, 'two chosen filters');
    assert.deepEqual(await named(ar.page), ['إزالة عامل التصفية: no-such-person', 'إزالة عامل التصفية: ليس فيسبوك']);
    assert.deepEqual(
      (await chips(arHost)).map((c) => c.names[0]).sort(),
      [['no-such-person', 'en', 'auto'], ['فيسبوك', 'ar', 'auto']],
    );
    await ar.context.close();
    assert.deepEqual([...errors, ...ar.errors], []);
  });

  test('the dot between a result\'s date, author and source never begins a line: it ends the item before it (narrow, RTL and LTR)', async () => {
    for (const [pathname, query, locale] of [['/', 'داعش', 'ar'], ['/t/ltr.html', 'telegram', 'en']]) {
      let wrapped = 0;
      for (const width of [320, 375]) {
        const { context, page, errors } = await open(pathname, { viewport: { width, height: 800 }, locale });
        const { host } = await search(page, query);
        const metas = await host.locator('[part="meta"]').evaluateAll((els) =>
          els.map((meta) =>
            [...meta.children].map((item) => ({
              text: item.textContent,
              top: Math.round(item.getBoundingClientRect().top),
              before: getComputedStyle(item, '::before').content,
              after: getComputedStyle(item, '::after').content,
            })),
          ),
        );
        for (const items of metas) {
          items.forEach((item, i) => {
            const where = `${pathname} at ${width}px: ${JSON.stringify(items)}`;
            // Nothing before an item, first on its line or not; the dot after every one but
            // the last, so that it stays at the end of the line that item ends.
            assert.equal(item.before, 'none', where);
            assert.equal(item.after, i < items.length - 1 ? '"·"' : 'none', where);
            if (i > 0 && item.top > items[i - 1].top) wrapped++;
          });
        }
        await page.screenshot({ path: screenshotPath(`reader-meta-${locale === 'ar' ? 'rtl' : 'ltr'}-${width}.png`) });
        assert.deepEqual(errors, []);
        await context.close();
      }
      assert.ok(wrapped >= 1, `${pathname}: a date, author or source wraps to a line of its own (the case looked at)`);
    }
  });

  test('a field name does not set the query\'s direction: «title:داعش» runs right to left, «title:» alone and «title:telegram» left to right', async () => {
    const { context, page, errors } = await open('/');
    const host = page.locator('fahras-search');
    const input = host.locator('input');
    await input.click();
    const dirAfter = async (text) => {
      await input.fill('');
      await input.pressSequentially(text);
      return input.getAttribute('dir');
    };
    assert.equal(await dirAfter('title:'), 'ltr');
    assert.equal(await dirAfter('title:داعش'), 'rtl');
    assert.equal(await dirAfter('title: داعش'), 'rtl');
    assert.equal(await dirAfter('-title:داعش'), 'rtl');
    assert.equal(await dirAfter('title:telegram'), 'ltr');
    assert.equal(await dirAfter('عنوان:داعش'), 'rtl');
    assert.equal(await dirAfter('داعش title:تويتر'), 'rtl');
    await page.keyboard.press('Escape');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('results in more than one script', { skip }, () => {
  /** Each result's parts: their text, language (the nearest lang) and computed direction. */
  const parts = (host) =>
    host.locator('[role="option"]').evaluateAll((els) =>
      els.map((o) => {
        const part = (el) => el && { text: el.textContent, lang: el.closest('[lang]').lang, dir: getComputedStyle(el).direction };
        return {
          option: { lang: o.getAttribute('lang'), dir: o.getAttribute('dir') },
          title: part(o.querySelector('[part="title"]')),
          date: part(o.querySelector('.date')),
          author: part(o.querySelector('.author')),
          source: part(o.querySelector('.source')),
          snippet: part(o.querySelector('[part="snippet"]')),
        };
      }),
    );

  test('Latin text in the Arabic widget (an English article, an English quote, a Latin source) is marked lang=en in its own direction; a title begun by a Latin name stays right to left', async () => {
    const { context, page, errors } = await open('/t/mixed.html');
    const { host } = await search(page, 'Telegram');
    const hits = await host.evaluate((el) => el.results.hits);
    assert.equal(hits.length, 3, 'every record of the mixed-script corpus');
    const shown = await parts(host);
    const byTitle = (re) => shown.find((o) => re.test(o.title.text));
    // Only text: what is shown is the engine's text.
    assert.deepEqual(shown.map((o) => o.title.text), hits.map((h) => h.title));
    assert.deepEqual(shown.map((o) => o.snippet.text), hits.map((h) => h.snippet.text));

    // The English article: an English voice, left to right; the widget's date stays Arabic.
    const english = byTitle(/^Telegram removes/);
    assert.deepEqual(english.option, { lang: 'en', dir: 'ltr' });
    for (const p of ['title', 'author', 'source', 'snippet']) assert.deepEqual([p, english[p].lang, english[p].dir], [p, 'en', 'ltr']);
    assert.equal(english.date.lang, 'ar', `the date «${english.date.text}» is the widget's Arabic`);
    // An Arabic title that begins with a Latin name is Arabic, right to left (its full stop at
    // its end, on the left), as is its snippet that begins the same way.
    const arabic = byTitle(/^Telegram يحذف/);
    assert.deepEqual(arabic.option, { lang: null, dir: 'rtl' });
    for (const p of ['title', 'snippet']) assert.deepEqual([p, arabic[p].lang, arabic[p].dir], [p, 'ar', 'rtl']);
    // An Arabic article whose snippet is an English quote, with a Latin source.
    const quote = byTitle(/^بيان/);
    assert.deepEqual([quote.title.lang, quote.title.dir], ['ar', 'rtl']);
    assert.deepEqual([quote.snippet.lang, quote.snippet.dir], ['en', 'ltr']);
    assert.deepEqual([quote.source.lang, quote.source.dir], ['en', 'ltr']);
    // The quote's final full stop follows its last word («said.»), not mirrored before it.
    const ends = await host.locator('[role="option"]').nth(shown.indexOf(quote)).locator('[part="snippet"]').evaluate((el) => {
      const text = el.lastChild;
      const at = (i) => {
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        return range.getBoundingClientRect().left;
      };
      return { chars: text.data.slice(-2), word: at(text.length - 2), dot: at(text.length - 1) };
    });
    assert.equal(ends.chars, 'd.');
    assert.ok(ends.dot > ends.word, `the full stop right of «said»: ${JSON.stringify(ends)}`);
    await host.screenshot({ path: screenshotPath('reader-mixed-script-rtl.png') });

    // The English widget: the Arabic articles are Arabic; the English quote in one of them
    // English again; the English article needs no mark.
    await host.evaluate((el) => el.setAttribute('lang', 'en'));
    await until(() => host.evaluate((el) => el.uiLang === 'en' && el.shadowRoot.querySelector('[part="status"]')?.textContent.includes('results')), 'the English UI');
    const en = await parts(host);
    const enBy = (re) => en.find((o) => re.test(o.title.text));
    assert.deepEqual(enBy(/^Telegram removes/).option, { lang: null, dir: 'ltr' });
    assert.deepEqual(enBy(/^Telegram يحذف/).option, { lang: 'ar', dir: 'rtl' });
    assert.equal(enBy(/^Telegram يحذف/).date.lang, 'en');
    assert.deepEqual([enBy(/^بيان/).snippet.lang, enBy(/^بيان/).snippet.dir], ['en', 'ltr']);
    assert.deepEqual(await axeViolations(page, 'fahras-search'), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('the mouse on a result', { skip }, () => {
  async function watchSelects(page) {
    await page.evaluate(() => {
      window.__selects = 0;
      document.addEventListener('fahras-search-select', () => window.__selects++);
    });
  }

  test('inline, a double- or triple-click that selects words of a result opens nothing; a single click still opens it', async () => {
    const { context, page, errors } = await open('/');
    const { host } = await search(page, 'داعش');
    await watchSelects(page);
    const option = host.locator('[role="option"]').first();
    const snippet = option.locator('[part="snippet"]');
    const box = await snippet.boundingBox();
    const [x, y] = [box.x + box.width - 40, box.y + 10];
    const selected = () => host.evaluate((el) => String(el.shadowRoot.getSelection()).trim());
    await page.mouse.dblclick(x, y);
    await page.waitForTimeout(700);
    const word = await selected();
    assert.ok(word.length >= 2 && !/\s/.test(word), `a word selected: «${word}»`);
    assert.equal(new URL(page.url()).pathname, '/', 'the double-click opened nothing');
    assert.equal(await page.evaluate(() => window.__selects), 0, 'no select event');
    await page.mouse.click(x, y, { clickCount: 3 });
    await page.waitForTimeout(700);
    assert.ok((await selected()).length > word.length, 'the triple-click selected the line');
    assert.equal(new URL(page.url()).pathname, '/', 'the triple-click opened nothing');
    // The meta line (date, author) too.
    const date = await option.locator('.date').boundingBox();
    await page.mouse.dblclick(date.x + date.width / 2, date.y + date.height / 2);
    await page.waitForTimeout(700);
    assert.equal(new URL(page.url()).pathname, '/', 'the double-click on the date opened nothing');
    assert.equal(await page.evaluate(() => window.__selects), 0, 'no select event');
    // A single click opens the article.
    await Promise.all([page.waitForURL(/\/articles\/[^/]+\.html$/), page.mouse.click(x, y)]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a result\'s title drags its link (to a tab, the bookmarks bar, another page), inline and in a dropdown; a drag on its snippet still selects text', async () => {
    const dropZone = (page) =>
      page.evaluate(() => {
        window.__drop = null;
        const zone = document.createElement('div');
        zone.id = 'drop-zone';
        zone.textContent = 'drop';
        Object.assign(zone.style, { position: 'fixed', insetInlineStart: '0', bottom: '0', width: '200px', height: '80px', zIndex: '100000', background: '#eee' });
        zone.addEventListener('dragover', (e) => e.preventDefault());
        zone.addEventListener('drop', (e) => {
          e.preventDefault();
          window.__drop = { uri: e.dataTransfer.getData('text/uri-list'), text: e.dataTransfer.getData('text/plain') };
        });
        document.body.append(zone);
      });
    const dragTitle = async (page, host) => {
      const title = host.locator('[role="option"] [part="title"]').first();
      const box = await title.boundingBox();
      const zone = await page.locator('#drop-zone').boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(zone.x + zone.width / 2, zone.y + zone.height / 2, { steps: 12 });
      await page.mouse.up();
      await page.waitForTimeout(500);
      return page.evaluate(() => window.__drop);
    };

    // Inline (the demo: results with a URL are links).
    const { context, page, errors } = await open('/');
    const { host } = await search(page, 'داعش');
    await watchSelects(page);
    await dropZone(page);
    const href = await host.locator('[role="option"]').first().evaluate((a) => a.href);
    assert.match(href, /^http:\/\/.+\/articles\/[^/]+\.html$/);
    assert.deepEqual(await dragTitle(page, host), { uri: href, text: href }, 'the drop received the link');
    // Draggable only while pressed (a draggable title empties its option's name in Chromium's
    // accessibility tree): the option is still named by its title.
    assert.equal(await host.locator('[draggable="true"]').count(), 0);
    const name = await host.locator('[role="option"] [part="title"]').first().textContent();
    assert.ok((await axNodes(page)).some((n) => n.role === 'option' && n.name === name), `an option named «${name}»`);
    assert.equal(new URL(page.url()).pathname, '/', 'the drag opened nothing');
    assert.equal(await page.evaluate(() => window.__selects), 0, 'no select event');
    // The snippet is text: a drag on it selects, and drags no link.
    const snippet = await host.locator('[role="option"] [part="snippet"]').first().boundingBox();
    await page.mouse.move(snippet.x + snippet.width - 4, snippet.y + 12);
    await page.mouse.down();
    await page.mouse.move(snippet.x + snippet.width - 150, snippet.y + 12, { steps: 10 });
    await page.mouse.up();
    assert.ok((await host.evaluate((el) => String(el.shadowRoot.getSelection()))).trim().length >= 5, 'the snippet\'s text selected');
    assert.equal(await page.evaluate(() => window.__selects), 0, 'no select event');
    await context.close();

    // A dropdown: the drag works too, the panel stays open and the input keeps the focus.
    const dd = await open('/t/dropdown.html');
    const ddHost = dd.page.locator('fahras-search');
    await ddHost.evaluate((el) => el.setAttribute('hit-url', '/articles/{id}.html'));
    await search(dd.page, 'داعش');
    await dropZone(dd.page);
    const ddHref = await ddHost.locator('[role="option"]').first().evaluate((a) => a.href);
    assert.deepEqual(await dragTitle(dd.page, ddHost), { uri: ddHref, text: ddHref });
    assert.equal(await ddHost.evaluate((el) => el.open), true, 'the panel stays open');
    assert.equal(await ddHost.evaluate((el) => el.shadowRoot.activeElement?.getAttribute('role')), 'combobox', 'the input has the focus');
    await dd.page.keyboard.press('ArrowDown');
    assert.equal(await ddHost.locator('input').getAttribute('aria-activedescendant'), await ddHost.locator('[role="option"]').first().getAttribute('id'));
    // A click on the title still opens it.
    await Promise.all([dd.page.waitForURL(/\/articles\/[^/]+\.html$/), ddHost.locator('[role="option"] [part="title"]').first().click()]);
    await dd.context.close();
    assert.deepEqual([...errors, ...dd.errors], []);
  });

  test('modal: selecting the query with the mouse past the dialog\'s edge keeps it open; a click on the backdrop closes it', async () => {
    const { context, page, errors } = await open('/t/modal.html');
    const host = page.locator('fahras-search');
    await page.keyboard.press('Control+k');
    await until(() => host.evaluate((el) => el.open), 'the dialog');
    await page.keyboard.type('داعش تيليجرام');
    const input = await host.locator('input').boundingBox();
    const dialog = await host.locator('dialog').boundingBox();
    const y = input.y + input.height / 2;
    await page.mouse.move(input.x + input.width - 30, y);
    await page.mouse.down();
    await page.mouse.move(dialog.x - 40, y, { steps: 10 });
    await page.mouse.up();
    await page.waitForTimeout(200);
    assert.equal(await host.evaluate((el) => el.open), true, 'still open');
    assert.ok((await page.evaluate(() => String(document.querySelector('fahras-search').shadowRoot.activeElement.value))).length > 0);
    await page.mouse.click(dialog.x - 40, y);
    await until(async () => !(await host.evaluate((el) => el.open)), 'the backdrop closes it');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('the facet panel\'s layout', { skip }, () => {
  test('the date range\'s selects show their whole text ("Any date", not "Any dat"), side by side only when both fit', async () => {
    for (const [pathname, locale, query] of [['/t/mixed.html', 'en', 'Telegram'], ['/', 'ar', 'داعش']]) {
      const { context, page, errors } = await open(pathname, { locale });
      const host = page.locator('fahras-search');
      if (locale === 'en') await host.evaluate((el) => el.setAttribute('lang', 'en'));
      await search(page, query);
      const fit = await host.locator('[part="date-from"], [part="date-to"]').evaluateAll((selects) =>
        selects.map((select) => {
          const copy = select.cloneNode(true);
          Object.assign(copy.style, { width: 'max-content', maxWidth: 'none', position: 'absolute' });
          select.parentNode.append(copy);
          const natural = copy.getBoundingClientRect().width;
          copy.remove();
          return { text: select.selectedOptions[0].text, width: select.getBoundingClientRect().width, natural };
        }),
      );
      for (const f of fit) assert.ok(f.width >= f.natural - 0.5, `${pathname}: «${f.text}» fits: ${JSON.stringify(f)}`);
      await host.locator('[part="date-range"]').screenshot({ path: screenshotPath(`reader-date-range-${locale}.png`) });
      assert.deepEqual(errors, []);
      await context.close();
    }
  });
});
