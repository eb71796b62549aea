// The demo's article pages (scripts/demo-articles.mjs): corpus text is escaped, never markup.
//
//   node --test tests/browser/demo-articles.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { articlePage, escapeHtml, siteChrome } from '../../scripts/demo-articles.mjs';

test('a hostile record is written as text', () => {
  const html = articlePage({
    id: 'x',
    title: '<img src=x onerror="alert(1)">',
    subtitle: '</p><script>alert(2)</script>',
    published: '2019-11-30T10:00',
    author: '"><svg onload=alert(3)>',
    body: ['<b>bold</b> & more', "it's"],
  });
  // The page's one script is the demo's own.
  const scripts = html.match(/<script[^>]*>/g) ?? [];
  assert.deepEqual(scripts, ['<script type="module" src="../article.js">'], html);
  assert.ok(!/<img|<svg|<b>/.test(html), html);
  assert.ok(html.includes('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'));
  assert.ok(html.includes('<p>&lt;b&gt;bold&lt;/b&gt; &amp; more</p>'));
  assert.ok(html.includes('<p>it&#39;s</p>'));
  assert.match(html, /<time datetime="2019-11-30T10:00">٣٠ نوفمبر ٢٠١٩<\/time>/, 'the date in Arabic-Indic digits, as the widget writes dates');
  assert.equal(escapeHtml(`&<>"'`), '&amp;&lt;&gt;&quot;&#39;');
});

test('optional parts are left out', () => {
  const html = articlePage({ id: 'y', title: 'عنوان', body: ['فقرة'] });
  assert.ok(!html.includes('class="deck"') && !html.includes('class="article-meta"'));
  assert.ok(html.includes('<p>فقرة</p>'));
});

test('the masthead and footer are the archive page\'s, their links made relative to articles/', () => {
  const chrome = siteChrome();
  const index = readFileSync(new URL('../../www/index.html', import.meta.url), 'utf8');
  assert.ok(index.includes('<p class="dateline">') && chrome.header.includes('<p class="dateline">'));
  assert.ok(!/href="\.\//.test(chrome.header + chrome.footer), 'no link left relative to the archive');
  assert.match(chrome.header, /<a class="logo" href="\.\.\/"/);
  assert.ok(!chrome.header.includes('aria-current'), 'the archive is not the current page of an article');
  const html = articlePage({ id: 'z', title: 'عنوان', body: [] });
  assert.ok(html.includes(chrome.header) && html.includes(chrome.footer));
  assert.throws(() => siteChrome('<html><body></body></html>'), /no <header class="masthead">/);
});
