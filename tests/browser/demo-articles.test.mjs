// The demo's article pages (scripts/demo-articles.mjs): corpus text is escaped, never markup.
//
//   node --test tests/browser/demo-articles.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articlePage, escapeHtml } from '../../scripts/demo-articles.mjs';

test('a hostile record is written as text', () => {
  const html = articlePage({
    id: 'x',
    title: '<img src=x onerror="alert(1)">',
    subtitle: '</p><script>alert(2)</script>',
    published: '2019-11-30T10:00',
    author: '"><svg onload=alert(3)>',
    body: ['<b>bold</b> & more', "it's"],
  });
  assert.ok(!/<img|<script|<svg|<b>/.test(html), html);
  assert.ok(html.includes('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'));
  assert.ok(html.includes('<p>&lt;b&gt;bold&lt;/b&gt; &amp; more</p>'));
  assert.ok(html.includes('<p>it&#39;s</p>'));
  assert.match(html, /<time datetime="2019-11-30T10:00">/);
  assert.equal(escapeHtml(`&<>"'`), '&amp;&lt;&gt;&quot;&#39;');
});

test('optional parts are left out', () => {
  const html = articlePage({ id: 'y', title: 'عنوان', body: ['فقرة'] });
  assert.ok(!html.includes('class="deck"') && !html.includes('class="article-meta"'));
  assert.ok(html.includes('<p>فقرة</p>'));
});
