// Writes the demo's article pages: www/articles/<id>.html for each record of corpus/, so
// that a result of the demo opens its article (the demo's widget has
// hit-url="articles/{id}.html"; the seed records have no URL of their own).
//
//   node scripts/demo-articles.mjs        (scripts/build-wasm.sh runs it)
//
// Corpus text is untrusted: every value is HTML-escaped, nothing is copied as markup.

import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = path.join(ROOT, 'corpus');
const OUT = path.join(ROOT, 'www', 'articles');

/** Text as HTML text or attribute value. */
export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/**
 * "2018-12-20T11:34" → "٢٠ ديسمبر ٢٠١٨" (the date as stated, no time zone applied), in
 * Arabic-Indic digits as the widget writes them (plain "ar" gives Western digits in current ICU).
 */
function formatDate(published) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published ?? '');
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat('ar-u-nu-arab', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/**
 * The archive page's masthead and footer (www/index.html), for the article pages to share:
 * its links ("./…") made relative to articles/, its aria-current dropped. Read once.
 */
let cachedChrome = null;
export function siteChrome(indexHtml = readFileSync(path.join(ROOT, 'www', 'index.html'), 'utf8')) {
  const part = (re, what) => {
    const m = re.exec(indexHtml);
    if (!m) throw new Error(`www/index.html: no ${what} to share with the article pages`);
    // The archive's own "you are here" does not hold on an article.
    return m[0].replace(/\b(href|src)="\.\//g, '$1="../').replace(/ aria-current="page"/g, '');
  };
  return {
    header: part(/ *<header class="masthead">[\s\S]*?<\/header>/, '<header class="masthead">'),
    footer: part(/ *<footer class="footer">[\s\S]*?<\/footer>/, '<footer class="footer">'),
  };
}

/** The page of one corpus record. */
export function articlePage(doc, chrome = (cachedChrome ??= siteChrome())) {
  const e = escapeHtml;
  const date = formatDate(doc.published);
  const meta = [
    date && `<time datetime="${e(doc.published)}">${e(date)}</time>`,
    doc.author && `<span class="byline">${e(doc.author)}</span>`,
    doc.source && `<span class="source">${e(doc.source)}</span>`,
  ].filter(Boolean);
  const body = (Array.isArray(doc.body) ? doc.body : []).map((p) => `      <p>${e(p)}</p>`).join('\n');
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="color-scheme" content="light dark">
  <title>${e(doc.title)} — جريدة الفنار</title>
  <link rel="stylesheet" href="../demo.css">
  <link rel="icon" href="../favicon.svg" type="image/svg+xml">
  <script type="module" src="../article.js"></script>
</head>
<body>
${chrome.header}

  <main class="page">
    <nav class="crumbs" aria-label="مسار التصفح">
      <ol>
        <li><a href="../">الرئيسية</a></li>
        <li><a href="../" data-back>الأرشيف</a></li>
        <li aria-current="page">${e(doc.title)}</li>
      </ol>
    </nav>

    <article class="article" aria-labelledby="article-title">
      <h1 id="article-title">${e(doc.title)}</h1>
${doc.subtitle ? `      <p class="deck">${e(doc.subtitle)}</p>\n` : ''}${meta.length ? `      <p class="article-meta">${meta.join(' · ')}</p>\n` : ''}${body}
    </article>

    <p class="back"><a href="../" data-back>العودة إلى البحث في الأرشيف</a></p>
  </main>

${chrome.footer}
</body>
</html>
`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.json')).sort();
  for (const file of files) {
    const doc = JSON.parse(readFileSync(path.join(CORPUS, file), 'utf8'));
    if (typeof doc.id !== 'string' || !/^[\w.-]+$/.test(doc.id)) {
      throw new Error(`${file}: an id of letters, digits, _ . - is needed for a page name (got ${JSON.stringify(doc.id)})`);
    }
    writeFileSync(path.join(OUT, `${doc.id}.html`), articlePage(doc));
  }
  console.log(`demo-articles: ${files.length} pages in ${path.relative(ROOT, OUT)}/`);
}
