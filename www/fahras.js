// fahras.js — the <fahras-search> custom element.
//
// فهرس (fahras) is an Arabic-first search widget: a Rust core compiled to
// WebAssembly searches an index in the reader's browser, and this file is the
// thin, framework-free web component around it.
//
//   <script type="module" src="./fahras.js"></script>
//   <fahras-search></fahras-search>                      <!-- the embedded corpus -->
//   <fahras-search src="archive.fahras" lang="en"></fahras-search>
//
// Attributes (mirrored as properties)
//   src          URL of an index file (`fahras build` output); absent = the corpus compiled into the wasm
//   lang         UI language, 'ar' (default, else <html lang>) or 'en'; a regional tag such as
//                'ar-MA' picks the digits/date style for that region (plain 'ar' = ٠١٢٣)
//   dir          'rtl' (default) | 'ltr' | 'auto'
//   placeholder  the input's placeholder;  label: the input's label text (`label-hidden` hides it visually)
//   limit        hits per page, 1–100 (default 10); "show more" fetches the next page
//   theme        'light' | 'dark' forces a palette (default: prefers-color-scheme)
// Properties: query (get/set: setting it searches, loading the engine if needed), state
//   ('idle' | 'loading' | 'results' | 'empty' | 'error'), results (last SearchResults), info
//   (engine.info() once loaded); methods load(), focus().
// Events (bubbling, composed; named after the tag):
//   fahras-search-query    {query}                 a search was run
//   fahras-search-results  {query, total, hits, partial, suggestion}
//   fahras-search-select   {hit}  cancelable; when not canceled, a hit with an http(s) url is opened
// Theming: --fahras-font (default: inherited), --fahras-font-size (default: medium), --fahras-bg,
//   --fahras-fg, --fahras-muted, --fahras-accent, --fahras-mark-bg, --fahras-mark-fg,
//   --fahras-border, --fahras-radius, --fahras-gap, --fahras-active-bg, --fahras-hover-bg,
//   --fahras-focus, --fahras-error, --fahras-error-bg; parts: base, label, field, input, status,
//   partial, suggest, suggestion, listbox, option, title, meta, snippet, mark, empty, error,
//   retry, more.
// Keyboard (in the input): ArrowDown/ArrowUp move the active option (wrapping; they also reopen
//   a closed list), Home/End jump to the first/last option while one is active (otherwise
//   they move the caret), Enter chooses the active option, Escape closes the list, and a
//   second Escape clears the input.
//
// Design notes
// - Modelled on GitHub's auto-complete-element / combobox-nav: one class per
//   element, `static define()`, attributes mirrored as properties, listeners
//   added in connectedCallback and removed in disconnectedCallback.
// - ARIA 1.2 combobox: the <input> keeps DOM focus; the active option is
//   announced through aria-activedescendant.
// - Corpus text is untrusted. Every piece of it is put in the DOM with
//   text nodes / textContent, never innerHTML. Result URLs are only followed
//   when they are http(s).
// - CSP-friendly: no inline styles (a constructable stylesheet is adopted by
//   the shadow root), no eval, no HTML strings. Works under
//   `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.
// - The WebAssembly engine is loaded lazily (first focus, pointer or key on the
//   element, or when a query is set through the `query` property), from
//   ./pkg/fahras.js next to this module. Engines are shared between elements
//   that use the same index.
// - Network access: this module, ./pkg/fahras.js, ./pkg/fahras_bg.wasm and the
//   `src` URL. Nothing else.

const PKG_URL = new URL('./pkg/fahras.js', import.meta.url).href;

/** Delay between the last input event and the search. Keeps typing smooth. */
const SEARCH_DELAY_MS = 24;
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;

// ---------------------------------------------------------------------------
// UI strings
// ---------------------------------------------------------------------------

/**
 * Arabic has six plural forms (zero, one, two, few, many, other); Intl.PluralRules
 * picks the form and Intl.NumberFormat writes the digits.
 */
const STRINGS = {
  ar: {
    label: 'ابحث في الأرشيف',
    placeholder: 'اكتب كلمة للبحث…',
    listLabel: 'نتائج البحث',
    idle: (docs) => `عدد المقالات في الأرشيف: ${docs}`,
    loading: 'جارٍ تحميل محرّك البحث…',
    results: {
      zero: () => 'لا توجد نتائج',
      one: () => 'نتيجة واحدة',
      two: () => 'نتيجتان',
      few: (n) => `${n} نتائج`,
      many: (n) => `${n} نتيجة`,
      other: (n) => `${n} نتيجة`,
    },
    showing: (shown) => `، تُعرض أول ${shown}`,
    partial: 'لا توجد مقالة تحتوي كل الكلمات؛ هذه نتائج تطابق بعضها.',
    suggestion: 'هل تقصد:',
    empty: (q) => `لا توجد نتائج لـ «${q}»`,
    emptyHint: 'جرّب كلمة أخرى أو تهجئة مختلفة.',
    more: 'عرض المزيد',
    retry: 'أعد المحاولة',
    errors: {
      wasm: 'تعذّر تشغيل محرّك البحث. ربما منع المتصفح أو سياسة أمان الصفحة تحميل WebAssembly.',
      network: 'تعذّر تحميل فهرس البحث: انقطع الاتصال أو رُفض الطلب.',
      http: (status) => `تعذّر تحميل فهرس البحث (HTTP ${status}).`,
      index: 'ملف فهرس البحث غير صالح أو من إصدار غير مدعوم.',
      embedded: 'لا يحتوي محرّك البحث على فهرس مضمّن.',
      search: 'حدث خطأ أثناء البحث.',
    },
    separator: ' · ',
  },
  en: {
    label: 'Search the archive',
    placeholder: 'Type a word to search…',
    listLabel: 'Search results',
    idle: (docs) => `Articles in the archive: ${docs}`,
    loading: 'Loading the search engine…',
    results: {
      zero: () => 'No results',
      one: () => '1 result',
      two: (n) => `${n} results`,
      few: (n) => `${n} results`,
      many: (n) => `${n} results`,
      other: (n) => `${n} results`,
    },
    showing: (shown) => `, showing the first ${shown}`,
    partial: 'No article contains every word; these results match some of them.',
    suggestion: 'Did you mean:',
    empty: (q) => `No results for “${q}”`,
    emptyHint: 'Try another word or a different spelling.',
    more: 'Show more',
    retry: 'Try again',
    errors: {
      wasm: 'The search engine could not start. The browser or the page’s security policy may be blocking WebAssembly.',
      network: 'The search index could not be loaded: the connection failed or the request was refused.',
      http: (status) => `The search index could not be loaded (HTTP ${status}).`,
      index: 'The search index file is invalid or of an unsupported version.',
      embedded: 'The search engine has no embedded index.',
      search: 'Something went wrong while searching.',
    },
    separator: ' · ',
  },
};

/** 'ar' | 'en' from a BCP 47 tag; Arabic unless the tag is English. */
function uiLanguage(tag) {
  return /^en\b/i.test(tag || '') ? 'en' : 'ar';
}

// ---------------------------------------------------------------------------
// Helpers (exported for tests and for hosts that render their own results)
// ---------------------------------------------------------------------------

/**
 * Normalise highlight ranges: keep well-formed [start, end] pairs of finite
 * numbers, clamp them to the text, widen them so they never split a UTF-16
 * surrogate pair, sort them and merge overlapping or touching ranges.
 * @param {string} text
 * @param {unknown} ranges
 * @returns {Array<[number, number]>}
 */
export function normalizeRanges(text, ranges) {
  const length = text.length;
  const out = [];
  if (!Array.isArray(ranges)) return out;
  for (const range of ranges) {
    if (!range || typeof range !== 'object') continue;
    let start = Math.floor(Number(range[0]));
    let end = Math.floor(Number(range[1]));
    if (!Number.isFinite(start) || !Number.isFinite(end)) continue;
    start = Math.max(0, Math.min(length, start));
    end = Math.max(0, Math.min(length, end));
    if (end <= start) continue;
    // Do not cut a surrogate pair in half (would render as two replacement characters).
    if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start--;
    if (end < length && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) end++;
    out.push([start, end]);
  }
  out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged = [];
  for (const range of out) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}

function isHighSurrogate(code) {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code) {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Text with highlighted ranges as a DocumentFragment of text nodes and
 * <mark part="mark"> elements. The text is never parsed as HTML.
 * Robust to overlapping, unsorted, empty, reversed and out-of-range ranges.
 * @param {string} text
 * @param {Array<[number, number]>} ranges UTF-16 offsets, end exclusive
 * @param {Document} [doc]
 * @returns {DocumentFragment}
 */
export function renderHighlighted(text, ranges, doc = document) {
  const fragment = doc.createDocumentFragment();
  const str = text == null ? '' : String(text);
  let cursor = 0;
  for (const [start, end] of normalizeRanges(str, ranges)) {
    if (start > cursor) fragment.append(doc.createTextNode(str.slice(cursor, start)));
    const mark = doc.createElement('mark');
    mark.setAttribute('part', 'mark');
    mark.textContent = str.slice(start, end);
    fragment.append(mark);
    cursor = end;
  }
  if (cursor < str.length) fragment.append(doc.createTextNode(str.slice(cursor)));
  return fragment;
}

/**
 * Parse the engine's ISO 8601 local date ("2018-12-20" or "2018-12-20T11:34")
 * into a Date holding that wall-clock time in UTC, so formatting with
 * timeZone 'UTC' prints exactly what the article says, wherever the reader is.
 * @returns {{date: Date, hasTime: boolean} | null}
 */
export function parsePublished(value) {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(String(value ?? ''));
  if (!m) return null;
  const [, y, mo, d = '01', h, mi, s = '0'] = m;
  const date = new Date(Date.UTC(+y, +mo - 1, +d, h ? +h : 0, mi ? +mi : 0, +s));
  if (Number.isNaN(date.getTime())) return null;
  return { date, hasTime: h !== undefined };
}

/** Intl formatters are costly to create: keep one per (kind, locale). */
const formatterCache = new Map();
function cachedFormatter(key, create) {
  let f = formatterCache.get(key);
  if (!f) {
    f = create();
    formatterCache.set(key, f);
  }
  return f;
}

/** "٢٠ ديسمبر ٢٠١٨ في ١١:٣٤ ص" / "December 20, 2018 at 11:34 AM" */
export function formatPublished(value, lang = 'ar') {
  const parsed = parsePublished(value);
  if (!parsed) return String(value ?? '');
  const withTime = parsed.hasTime;
  const f = cachedFormatter(`date|${withTime}|${lang}`, () =>
    new Intl.DateTimeFormat(lang, withTime
      ? { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }
      : { dateStyle: 'long', timeZone: 'UTC' }),
  );
  return f.format(parsed.date);
}

function formatNumber(n, lang) {
  return cachedFormatter(`number|${lang}`, () => new Intl.NumberFormat(lang)).format(n);
}

/** "٣ نتائج" / "3 results", with the right Arabic plural form. */
export function formatCount(n, lang = 'ar') {
  const strings = STRINGS[uiLanguage(lang)];
  const rule = new Intl.PluralRules(lang).select(n);
  const form = strings.results[rule] || strings.results.other;
  return form(formatNumber(n, lang));
}

/** Only follow http(s) URLs from the index (no javascript:, data:, …). */
export function safeUrl(url, base = document.baseURI) {
  if (typeof url !== 'string' || !url.trim()) return null;
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** An error that the UI knows how to explain. kind: wasm | network | http | index | embedded | search */
class FahrasError extends Error {
  constructor(kind, detail, status) {
    super(detail || kind);
    this.name = 'FahrasError';
    this.kind = kind;
    this.detail = detail || '';
    this.status = status;
  }
}

function messageOf(err) {
  if (err && typeof err === 'object' && 'message' in err) return String(err.message);
  return String(err);
}

// ---------------------------------------------------------------------------
// Engine loading (shared by all elements on the page)
// ---------------------------------------------------------------------------

/** @type {Promise<any> | null} the initialised wasm-bindgen module */
let wasmModule = null;

function loadWasm() {
  if (!wasmModule) {
    wasmModule = (async () => {
      let mod;
      try {
        mod = await import(PKG_URL);
        await mod.default();
      } catch (err) {
        throw new FahrasError('wasm', messageOf(err));
      }
      if (typeof mod.SearchEngine !== 'function') throw new FahrasError('wasm', 'pkg/fahras.js exports no SearchEngine');
      return mod;
    })();
    // Allow a retry after a failure (e.g. the network came back).
    wasmModule.catch(() => {
      wasmModule = null;
    });
  }
  return wasmModule;
}

async function fetchIndex(url) {
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch (err) {
    throw new FahrasError('network', messageOf(err));
  }
  if (!response.ok) throw new FahrasError('http', `${response.status} ${response.statusText}`.trim(), response.status);
  try {
    return new Uint8Array(await response.arrayBuffer());
  } catch (err) {
    throw new FahrasError('network', messageOf(err));
  }
}

async function createEngine(url) {
  if (!url) {
    const mod = await loadWasm();
    try {
      return mod.SearchEngine.embedded();
    } catch (err) {
      throw new FahrasError('embedded', messageOf(err));
    }
  }
  // Fetch the index while the wasm compiles.
  const bytesPromise = fetchIndex(url);
  bytesPromise.catch(() => {}); // handled below; avoid an unhandled rejection if the wasm fails first
  const mod = await loadWasm();
  const bytes = await bytesPromise;
  try {
    return new mod.SearchEngine(bytes);
  } catch (err) {
    throw new FahrasError('index', messageOf(err));
  }
}

/** url ('' = embedded) → { refs, promise, timer } */
const engines = new Map();

function acquireEngine(url) {
  let entry = engines.get(url);
  if (!entry) {
    entry = { refs: 0, timer: 0, promise: createEngine(url) };
    engines.set(url, entry);
    const current = entry;
    entry.promise.catch(() => {
      if (engines.get(url) === current) engines.delete(url);
    });
  }
  clearTimeout(entry.timer);
  entry.refs++;
  return entry.promise;
}

function releaseEngine(url) {
  const entry = engines.get(url);
  if (!entry) return;
  entry.refs = Math.max(0, entry.refs - 1);
  if (entry.refs > 0) return;
  // Deferred, so moving an element in the DOM (disconnect + connect) keeps its engine.
  clearTimeout(entry.timer);
  entry.timer = setTimeout(() => {
    if (entry.refs > 0 || engines.get(url) !== entry) return;
    engines.delete(url);
    entry.promise.then(
      (engine) => engine.free?.(),
      () => {},
    );
  }, 1000);
}

// ---------------------------------------------------------------------------
// Styles (one constructable stylesheet shared by every instance)
// ---------------------------------------------------------------------------

/** Dark palette: used with prefers-color-scheme: dark (unless theme="light") and with theme="dark". */
const DARK_VARS = `
    color-scheme: dark;
    --_bg: #16181c;
    --_fg: #eceef1;
    --_muted: #a3a8b3;
    --_accent: #5fd3a5;
    --_accent-fg: #0c1a14;
    --_mark-bg: #7a5d00;
    --_mark-fg: #fff6d6;
    --_border: #3b3f47;
    --_active-bg: #1f3a30;
    --_hover-bg: #23262c;
    --_error: #ff8a8f;
    --_error-bg: #3a1517;
    --_focus: #8ab4f8;`;

const CSS = String.raw`
:host {
  all: initial;
  display: block;
  /* private defaults; the public --fahras-* custom properties override them */
  --_bg: #ffffff;
  --_fg: #1b1b1f;
  --_muted: #5d6068;
  --_accent: #0b6e4f;
  --_accent-fg: #ffffff;
  --_mark-bg: #ffe58a;
  --_mark-fg: inherit;
  --_border: #c9ccd3;
  --_active-bg: #e8f3ee;
  --_hover-bg: #f4f6f8;
  --_error: #a4161a;
  --_error-bg: #fdeced;
  --_focus: #1a73e8;
  color-scheme: light dark;
  font-family: var(--fahras-font);
  color: var(--fahras-fg, var(--_fg));
}
:host([hidden]) { display: none; }
:host([theme='light']) { color-scheme: light; }
@media (prefers-color-scheme: dark) {
  :host(:not([theme='light'])) {${DARK_VARS}
  }
}
:host([theme='dark']) {${DARK_VARS}
}

/* The wrapper resets everything a hostile page could make the host inherit
   (the page's own "* { … }" rules reach the host element, not the shadow tree). */
.root {
  position: relative;
  box-sizing: border-box;
  display: flex;
  flex-direction: column;
  gap: var(--fahras-gap, 0.75rem);
  inline-size: 100%;
  min-inline-size: 0;
  margin: 0;
  padding: 0;
  font-family: var(--fahras-font);
  /* medium = the reader's default size; unlike rem it ignores the page's html { font-size } tricks */
  font-size: var(--fahras-font-size, medium);
  font-style: normal;
  font-weight: 400;
  line-height: 1.6;
  letter-spacing: normal;
  word-spacing: normal;
  text-align: start;
  text-indent: 0;
  text-transform: none;
  text-shadow: none;
  white-space: normal;
  word-break: normal;
  overflow-wrap: anywhere;
  visibility: visible;
  cursor: auto;
  color: var(--fahras-fg, var(--_fg));
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
}
.root *, .root *::before, .root *::after { box-sizing: border-box; }
[hidden] { display: none !important; }

:host([label-hidden]) .label {
  position: absolute;
  inline-size: 1px;
  block-size: 1px;
  margin: -1px;
  padding: 0;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
  border: 0;
}

.label {
  display: block;
  margin: 0;
  font-size: 0.95em;
  font-weight: 700;
  color: var(--fahras-fg, var(--_fg));
}

.field { position: relative; display: block; }
.icon {
  position: absolute;
  inset-block: 0;
  inset-inline-start: 0.9em;
  margin-block: auto;
  inline-size: 1.1em;
  block-size: 1.1em;
  color: var(--fahras-muted, var(--_muted));
  pointer-events: none;
}
.icon circle, .icon path { fill: none; stroke: currentColor; stroke-width: 2.2; stroke-linecap: round; }

input {
  display: block;
  inline-size: 100%;
  margin: 0;
  padding-block: 0.7em;
  padding-inline: 2.6em 0.9em;
  font: inherit;
  font-size: max(1.05em, 16px); /* 16px+ stops iOS from zooming on focus */
  line-height: 1.5;
  letter-spacing: normal;
  text-transform: none;
  text-align: start;
  color: var(--fahras-fg, var(--_fg));
  background: var(--fahras-bg, var(--_bg));
  border: 1px solid var(--fahras-border, var(--_border));
  border-radius: var(--fahras-radius, 0.6rem);
  box-shadow: none;
  outline: none;
  appearance: none;
  -webkit-appearance: none;
  min-block-size: 2.9em;
}
input::placeholder { color: var(--fahras-muted, var(--_muted)); opacity: 1; }
input::-webkit-search-decoration { -webkit-appearance: none; appearance: none; }
input::-webkit-search-cancel-button { cursor: pointer; }
input:focus { border-color: var(--fahras-accent, var(--_accent)); }
input:focus-visible {
  outline: 3px solid var(--fahras-focus, var(--_focus));
  outline-offset: 1px;
}

.status {
  margin: 0;
  min-block-size: 1.2em;
  font-size: 0.9em;
  color: var(--fahras-muted, var(--_muted));
}
.status:empty { display: none; }
/* The empty-state box says it already; the live region still announces it. */
.root[data-state='empty'] .status {
  position: absolute;
  inline-size: 1px;
  block-size: 1px;
  margin: -1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}
.status .partial { display: block; margin-block-start: 0.15em; }
.suggest {
  display: flex;
  flex-wrap: wrap;
  align-items: baseline;
  gap: 0.4em;
  margin: 0;
  font-size: 0.95em;
  color: var(--fahras-muted, var(--_muted));
}

button {
  margin: 0;
  padding: 0.25em 0.7em;
  font: inherit;
  font-size: 1em;
  line-height: 1.5;
  letter-spacing: normal;
  text-transform: none;
  color: var(--fahras-accent, var(--_accent));
  background: transparent;
  border: 1px solid currentColor;
  border-radius: var(--fahras-radius, 0.6rem);
  cursor: pointer;
}
button:hover { background: var(--fahras-hover-bg, var(--_hover-bg)); }
button:focus-visible { outline: 3px solid var(--fahras-focus, var(--_focus)); outline-offset: 2px; }
.suggestion { font-weight: 700; }

.listbox {
  list-style: none;
  margin: 0;
  padding: 0;
  background: var(--fahras-bg, var(--_bg));
  border: 1px solid var(--fahras-border, var(--_border));
  border-radius: var(--fahras-radius, 0.6rem);
  overflow: hidden;
}
.option {
  display: block;
  margin: 0;
  padding-block: 0.8em;
  padding-inline: 1em;
  border-block-start: 1px solid var(--fahras-border, var(--_border));
  border-inline-start: 4px solid transparent;
  cursor: pointer;
  transition: background-color 120ms ease-out;
}
.option:first-child { border-block-start: 0; }
.option:hover { background: var(--fahras-hover-bg, var(--_hover-bg)); }
.option[aria-selected='true'] {
  background: var(--fahras-active-bg, var(--_active-bg));
  border-inline-start-color: var(--fahras-accent, var(--_accent));
}
/* The active option is where keyboard focus "is": make it unmistakable. */
:host(:focus-within) .option[aria-selected='true'] {
  outline: 2px solid var(--fahras-focus, var(--_focus));
  outline-offset: -2px;
}
.title {
  display: block;
  margin: 0;
  font-size: 1.08em;
  font-weight: 700;
  line-height: 1.45;
  color: var(--fahras-title-fg, var(--fahras-fg, var(--_fg)));
}
.option.has-url .title { color: var(--fahras-link, var(--fahras-fg, var(--_fg))); }
.meta {
  display: flex;
  flex-wrap: wrap;
  column-gap: 0.5em;
  row-gap: 0;
  margin: 0.2em 0 0;
  font-size: 0.85em;
  color: var(--fahras-muted, var(--_muted));
}
.meta:empty { display: none; }
.meta > span + span::before {
  content: '·';
  margin-inline-end: 0.5em;
}
.snippet {
  display: block;
  margin: 0.35em 0 0;
  font-size: 0.95em;
  color: var(--fahras-snippet-fg, var(--fahras-fg, var(--_fg)));
}
mark {
  padding: 0 0.1em;
  font: inherit;
  color: var(--fahras-mark-fg, var(--_mark-fg));
  background: var(--fahras-mark-bg, var(--_mark-bg));
  border-radius: 0.2em;
  -webkit-box-decoration-break: clone;
  box-decoration-break: clone;
}
.title mark { font-weight: inherit; }

.empty, .error {
  margin: 0;
  padding: 1em;
  border-radius: var(--fahras-radius, 0.6rem);
}
.empty {
  color: var(--fahras-fg, var(--_fg));
  background: var(--fahras-hover-bg, var(--_hover-bg));
  border: 1px dashed var(--fahras-border, var(--_border));
}
.empty p, .error p { margin: 0; }
.empty .hint { margin-block-start: 0.25em; font-size: 0.9em; color: var(--fahras-muted, var(--_muted)); }
.error {
  color: var(--fahras-error, var(--_error));
  background: var(--fahras-error-bg, var(--_error-bg));
  border: 1px solid currentColor;
}
.error .detail {
  margin-block-start: 0.3em;
  font-size: 0.85em;
  font-family: ui-monospace, "DejaVu Sans Mono", monospace;
  unicode-bidi: plaintext;
  text-align: start;
}
.error button { margin-block-start: 0.6em; color: inherit; }

.more { align-self: center; }

.spinner {
  display: inline-block;
  inline-size: 0.9em;
  block-size: 0.9em;
  margin-inline-end: 0.4em;
  vertical-align: -0.1em;
  border: 2px solid currentColor;
  border-inline-end-color: transparent;
  border-radius: 50%;
  animation: fahras-spin 0.8s linear infinite;
}
@keyframes fahras-spin { to { transform: rotate(360deg); } }

@media (prefers-reduced-motion: reduce) {
  .spinner { animation: none; border-inline-end-color: currentColor; opacity: 0.6; }
  .option { transition: none; }
}
@media (forced-colors: active) {
  .option[aria-selected='true'] { outline: 2px solid Highlight; }
}
@media (max-width: 30rem) {
  .option { padding-inline: 0.8em; }
  .title { font-size: 1.02em; }
}
`;

let sharedSheet = null;
function styleSheet() {
  if (!sharedSheet) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(CSS);
  }
  return sharedSheet;
}

// ---------------------------------------------------------------------------
// The element
// ---------------------------------------------------------------------------

let instanceCount = 0;
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Create an element with attributes and children (strings become text nodes). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  el.append(...children.filter((c) => c != null && c !== false));
  return el;
}

function searchIcon() {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const circle = document.createElementNS(SVG_NS, 'circle');
  circle.setAttribute('cx', '10.5');
  circle.setAttribute('cy', '10.5');
  circle.setAttribute('r', '6.5');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', 'M15.5 15.5 L21 21');
  svg.append(circle, path);
  return svg;
}

export class FahrasSearch extends HTMLElement {
  static define(tag = 'fahras-search', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  static get observedAttributes() {
    return ['src', 'lang', 'dir', 'placeholder', 'limit', 'label'];
  }

  // --- private state -------------------------------------------------------
  #uid = `fahras-${++instanceCount}`;
  #ui = null; // the shadow DOM parts, built once
  #connected = false;
  #abort = null; // AbortController for listeners added in connectedCallback
  #wantEngine = false; // the engine was asked for (lazy loading has started)
  #engineUrl = null; // key of the engine we hold a reference to ('' = embedded), null = none
  #enginePromise = Promise.resolve(null);
  #engine = null; // the loaded engine, once #enginePromise has resolved
  #loadError = null; // FahrasError from loading the engine/index (cleared by retry or a new src)
  #loadErrorUrl = null;
  #searchError = null; // FahrasError from the last search (cleared by the next search)
  #state = 'idle'; // idle | loading | results | empty | error
  #composing = false;
  #timer = 0;
  #seq = 0; // increases with every search; results of older searches are dropped
  #query = '';
  #results = null; // the last SearchResults rendered
  #hits = [];
  #active = -1;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styleSheet()];
  }

  // --- attributes mirrored as properties ------------------------------------

  /** URL of an index file; empty/absent = the corpus embedded in the wasm. */
  get src() {
    return this.getAttribute('src') || '';
  }
  set src(value) {
    if (value == null || value === '') this.removeAttribute('src');
    else this.setAttribute('src', value);
  }

  get placeholder() {
    return this.getAttribute('placeholder') ?? this.#strings.placeholder;
  }
  set placeholder(value) {
    if (value == null) this.removeAttribute('placeholder');
    else this.setAttribute('placeholder', value);
  }

  /** Text of the input's label (visually hidden with the `label-hidden` attribute). */
  get label() {
    return this.getAttribute('label') ?? this.#strings.label;
  }
  set label(value) {
    if (value == null) this.removeAttribute('label');
    else this.setAttribute('label', value);
  }

  /** Maximum hits per page, 1–100 (default 10). */
  get limit() {
    const n = parseInt(this.getAttribute('limit') ?? '', 10);
    return Number.isFinite(n) && n > 0 ? Math.min(n, MAX_LIMIT) : DEFAULT_LIMIT;
  }
  set limit(value) {
    if (value == null) this.removeAttribute('limit');
    else this.setAttribute('limit', String(value));
  }

  /** 'light' | 'dark' forces a palette; absent = follow prefers-color-scheme. */
  get theme() {
    return this.getAttribute('theme') || '';
  }
  set theme(value) {
    if (!value) this.removeAttribute('theme');
    else this.setAttribute('theme', value);
  }

  // `lang` and `dir` are HTMLElement's own reflected properties; we observe the attributes.

  /** The UI language: 'ar' or 'en' (from the lang attribute, else <html lang>, else Arabic). */
  get uiLang() {
    return uiLanguage(this.getAttribute('lang') || document.documentElement.lang || 'ar');
  }

  /** The current query. Setting it searches (and loads the engine if needed). */
  get query() {
    return this.#ui ? this.#ui.input.value : this.#query;
  }
  set query(value) {
    const q = value == null ? '' : String(value);
    this.#query = q;
    if (!this.#ui) return; // applied in connectedCallback
    this.#ui.input.value = q;
    this.#search(); // loads the engine first if needed, then searches
  }

  /** The current state: 'idle' | 'loading' | 'results' | 'empty' | 'error'. */
  get state() {
    return this.#state;
  }

  /** The last results object from the engine (or null). */
  get results() {
    return this.#results;
  }

  /** Index statistics from the engine once it is loaded: {formatVersion, documents, terms, bytes}. */
  get info() {
    try {
      return this.#engine ? this.#engine.info() : null;
    } catch {
      return null;
    }
  }

  /** Load the engine now (it is otherwise loaded on first interaction). */
  load() {
    return this.#ensureEngine();
  }

  focus(options) {
    this.#ui?.input.focus(options);
  }

  get #strings() {
    return STRINGS[this.uiLang];
  }

  /**
   * BCP 47 locale for Intl formatting (dates, digits, plurals). A plain "ar"
   * means Arabic-Indic digits (٣ نتائج); a regional tag is honoured as given
   * (lang="ar-MA" → Latin digits, lang="ar-u-nu-latn" likewise).
   */
  get #locale() {
    const tag = this.getAttribute('lang') || document.documentElement.lang || '';
    const ui = this.uiLang;
    let locale = ui === 'ar' ? 'ar-u-nu-arab' : 'en';
    if (tag.toLowerCase().startsWith(ui) && tag.length > 2) {
      try {
        locale = Intl.getCanonicalLocales(tag)[0] || locale;
      } catch {
        // invalid tag: keep the default
      }
    }
    return locale;
  }

  // --- lifecycle ------------------------------------------------------------

  connectedCallback() {
    this.#connected = true;
    if (!this.#ui) this.#build();
    this.#applyAttributes();

    const ac = new AbortController();
    this.#abort = ac;
    const opts = { signal: ac.signal };
    const { input, listbox, suggestion, retry, more } = this.#ui;
    const wake = () => this.#ensureEngine();
    this.addEventListener('focusin', wake, opts);
    this.addEventListener('pointerdown', wake, opts);
    this.addEventListener('keydown', wake, opts);
    input.addEventListener('input', (e) => this.#onInput(e), opts);
    input.addEventListener('keydown', (e) => this.#onKeydown(e), opts);
    input.addEventListener('compositionstart', () => (this.#composing = true), opts);
    input.addEventListener('compositionend', () => {
      this.#composing = false;
      this.#scheduleSearch();
    }, opts);
    input.addEventListener('blur', () => this.#setActive(-1), opts);
    // Keep focus in the input when an option is pressed.
    listbox.addEventListener('mousedown', (e) => e.preventDefault(), opts);
    listbox.addEventListener('click', (e) => this.#onOptionClick(e), opts);
    suggestion.addEventListener('click', () => this.#runSuggestion(), opts);
    retry.addEventListener('click', () => this.#retry(), opts);
    more.addEventListener('click', () => this.#loadMore(), opts);

    // A query set through the property before connecting is applied now; an
    // engine held before a disconnect (the element was moved) is re-acquired.
    if (this.#query && !input.value) input.value = this.#query;
    if (this.#wantEngine || input.value.trim()) this.#ensureEngine();
    this.#render();
  }

  disconnectedCallback() {
    this.#connected = false;
    this.#abort?.abort();
    this.#abort = null;
    clearTimeout(this.#timer);
    this.#seq++; // drop in-flight results
    this.#dropEngine();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.#ui) return;
    if (name === 'src') {
      // Switch index: drop the old engine; load the new one if we had started loading.
      this.#dropEngine();
      this.#loadError = null;
      this.#results = null;
      this.#hits = [];
      this.#state = 'idle';
      if (this.#connected && this.#wantEngine) this.#ensureEngine();
      else this.#render();
      return;
    }
    if (name === 'limit') {
      if (this.#engine && this.#ui.input.value.trim()) this.#scheduleSearch(0);
      return;
    }
    this.#applyAttributes();
    if (name === 'lang') this.#render(); // re-render strings and dates in the new language
  }

  // --- DOM ------------------------------------------------------------------

  #build() {
    const id = this.#uid;
    const input = h('input', {
      id: `${id}-input`,
      type: 'search',
      part: 'input',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': `${id}-listbox`,
      'aria-describedby': `${id}-status`,
      autocomplete: 'off',
      autocapitalize: 'off',
      spellcheck: 'false',
      enterkeyhint: 'search',
    });
    const label = h('label', { class: 'label', part: 'label', for: `${id}-input`, id: `${id}-label` });
    const field = h('div', { class: 'field', part: 'field' }, input, searchIcon());
    const status = h('p', { class: 'status', part: 'status', id: `${id}-status`, role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    const suggestion = h('button', { type: 'button', class: 'suggestion', part: 'suggestion' });
    const suggestLead = h('span', {});
    const suggest = h('p', { class: 'suggest', part: 'suggest', hidden: true }, suggestLead, suggestion);
    const listbox = h('ul', { class: 'listbox', part: 'listbox', id: `${id}-listbox`, role: 'listbox', hidden: true });
    const emptyTitle = h('p', { class: 'message' });
    const emptyHint = h('p', { class: 'hint' });
    const empty = h('div', { class: 'empty', part: 'empty', hidden: true }, emptyTitle, emptyHint);
    const errorMessage = h('p', { class: 'message' });
    const errorDetail = h('p', { class: 'detail', dir: 'auto' });
    const retry = h('button', { type: 'button', class: 'retry', part: 'retry' });
    const error = h('div', { class: 'error', part: 'error', role: 'alert', hidden: true }, errorMessage, errorDetail, retry);
    const more = h('button', { type: 'button', class: 'more', part: 'more', hidden: true });
    const root = h('div', { class: 'root', part: 'base' }, label, field, status, suggest, error, empty, listbox, more);
    this.shadowRoot.append(root);
    this.#ui = { root, label, input, status, suggest, suggestLead, suggestion, listbox, empty, emptyTitle, emptyHint, error, errorMessage, errorDetail, retry, more };
  }

  /** Copy attributes (and the UI language's defaults) onto the shadow DOM. */
  #applyAttributes() {
    const ui = this.#ui;
    const s = this.#strings;
    const dir = this.getAttribute('dir');
    ui.root.setAttribute('dir', dir === 'ltr' || dir === 'rtl' || dir === 'auto' ? dir : 'rtl');
    ui.root.setAttribute('lang', this.uiLang);
    ui.label.textContent = this.label;
    ui.input.placeholder = this.placeholder;
    ui.listbox.setAttribute('aria-label', s.listLabel);
    ui.suggestLead.textContent = s.suggestion;
    ui.retry.textContent = s.retry;
    ui.more.textContent = s.more;
  }

  // --- engine -----------------------------------------------------------------

  /** The absolute index URL, or '' for the embedded corpus. */
  get #indexUrl() {
    const src = this.src.trim();
    if (!src) return '';
    try {
      return new URL(src, document.baseURI).href;
    } catch {
      return src;
    }
  }

  /**
   * Acquire the engine for the current `src` (once). Resolves to the engine, or
   * to null on failure (the error state shows why). After a failure it does not
   * try again by itself — only the "try again" button (retry) or a new `src` do.
   */
  #ensureEngine({ retry = false } = {}) {
    if (!this.#connected) return Promise.resolve(null);
    this.#wantEngine = true;
    const url = this.#indexUrl;
    if (this.#engineUrl === url) return this.#enginePromise;
    if (this.#loadError && this.#loadErrorUrl === url && !retry) return Promise.resolve(null);
    this.#dropEngine();
    this.#engineUrl = url;
    this.#loadError = null;
    if (this.#state === 'idle' || this.#state === 'error') this.#setState('loading');
    const promise = acquireEngine(url).then(
      (engine) => {
        if (this.#engineUrl !== url) return null; // src changed or disconnected meanwhile
        this.#engine = engine;
        if (this.#ui.input.value.trim()) {
          this.#search();
        } else if (this.#state === 'loading') {
          this.#setState('idle');
        }
        return engine;
      },
      (err) => {
        if (this.#engineUrl !== url) return null;
        // The cache has forgotten the failed entry already; so do we.
        this.#engineUrl = null;
        this.#enginePromise = Promise.resolve(null);
        this.#loadError = err instanceof FahrasError ? err : new FahrasError('wasm', messageOf(err));
        this.#loadErrorUrl = url;
        this.#setState('error');
        return null;
      },
    );
    this.#enginePromise = promise;
    return promise;
  }

  /** Release our reference to the engine (it is freed once nobody uses it). */
  #dropEngine() {
    if (this.#engineUrl !== null) releaseEngine(this.#engineUrl);
    this.#engineUrl = null;
    this.#engine = null;
    this.#enginePromise = Promise.resolve(null);
  }

  #retry() {
    this.#ui.input.focus();
    this.#ensureEngine({ retry: true });
  }

  // --- searching --------------------------------------------------------------

  #onInput(event) {
    // Never search mid-composition (Arabic/Persian IMEs, dictation, …): wait for compositionend.
    if (event.isComposing || this.#composing) return;
    this.#setActive(-1);
    this.#scheduleSearch();
  }

  #scheduleSearch(delay = SEARCH_DELAY_MS) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#search(), delay);
  }

  /** Search for the whole current query; stale results (an older query) are dropped. */
  #search() {
    clearTimeout(this.#timer);
    const query = this.#ui.input.value;
    this.#query = query;
    const seq = ++this.#seq;
    this.#searchError = null;
    if (!query.trim()) {
      this.#results = null;
      this.#hits = [];
      const loading = this.#engineUrl !== null && !this.#engine;
      this.#setState(this.#loadError ? 'error' : loading ? 'loading' : 'idle');
      this.#dispatch('query', { query });
      return;
    }
    const engine = this.#engine;
    if (!engine) {
      // Not loaded yet: show why, and search when it arrives (#ensureEngine calls us again).
      if (this.#loadError) return this.#setState('error');
      this.#setState('loading');
      this.#ensureEngine();
      return;
    }
    this.#dispatch('query', { query });
    let results;
    try {
      results = engine.search(query, { limit: this.limit, offset: 0 });
    } catch (err) {
      this.#showError(new FahrasError('search', messageOf(err)));
      return;
    }
    if (seq !== this.#seq || query !== this.#ui.input.value) return; // stale: a newer search has run
    this.#results = results;
    this.#hits = Array.isArray(results?.hits) ? results.hits.slice() : [];
    this.#active = -1;
    this.#setState(this.#hits.length ? 'results' : 'empty');
    this.#dispatch('results', { query, total: results?.total ?? this.#hits.length, hits: this.#hits, partial: Boolean(results?.partial), suggestion: results?.suggestion ?? null });
  }

  /** Append the next page of hits ("show more"). */
  #loadMore() {
    const engine = this.#engine;
    const results = this.#results;
    if (!engine || !results) return;
    const query = results.query ?? this.#ui.input.value;
    let next;
    try {
      next = engine.search(query, { limit: this.limit, offset: this.#hits.length });
    } catch (err) {
      this.#showError(new FahrasError('search', messageOf(err)));
      return;
    }
    const firstNew = this.#hits.length;
    this.#hits.push(...(next?.hits ?? []));
    this.#render();
    if (this.#hits.length > firstNew) this.#setActive(firstNew);
    this.#ui.input.focus();
    this.#dispatch('results', { query, total: results.total, hits: this.#hits, partial: Boolean(results.partial), suggestion: results.suggestion ?? null });
  }

  #runSuggestion() {
    const suggestion = this.#results?.suggestion;
    if (!suggestion) return;
    this.#ui.input.value = suggestion;
    this.#ui.input.focus();
    this.#search();
  }

  #showError(err) {
    this.#searchError = err instanceof FahrasError ? err : new FahrasError('search', messageOf(err));
    this.#results = null;
    this.#hits = [];
    this.#setState('error');
  }

  // --- keyboard & pointer -------------------------------------------------------

  #onKeydown(event) {
    // Keys that commit an IME composition must not act on the list.
    if (event.isComposing || this.#composing || event.keyCode === 229) return;
    if (event.altKey && event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const count = this.#hits.length;
    const open = this.#isOpen;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!count) return;
        event.preventDefault();
        if (!open) {
          this.#setOpen(true);
          this.#setActive(event.key === 'ArrowDown' ? 0 : count - 1);
          return;
        }
        if (event.altKey) return; // Alt+ArrowDown just opens the list
        const step = event.key === 'ArrowDown' ? 1 : -1;
        const from = this.#active;
        const next = from < 0 ? (step > 0 ? 0 : count - 1) : (from + step + count) % count;
        this.#setActive(next);
        return;
      }
      case 'Home':
      case 'End':
        // Only while navigating the list; otherwise Home/End move the caret.
        if (!open || this.#active < 0) return;
        event.preventDefault();
        this.#setActive(event.key === 'Home' ? 0 : count - 1);
        return;
      case 'Enter':
        if (open && this.#active >= 0) {
          event.preventDefault();
          this.#activate(this.#active, event);
        } else {
          // Search right away instead of waiting for the debounce.
          event.preventDefault();
          this.#search();
        }
        return;
      case 'Escape':
        // 1st: close the list (dropping the active option); 2nd: clear the input.
        // preventDefault also stops the browser's own "clear search field".
        if (open) {
          event.preventDefault();
          this.#setActive(-1);
          this.#setOpen(false);
        } else if (this.#ui.input.value) {
          event.preventDefault();
          this.#ui.input.value = '';
          this.#search();
        }
        return;
      default:
    }
  }

  #onOptionClick(event) {
    const option = event.target.closest?.('[role="option"]');
    if (!option || !this.#ui.listbox.contains(option)) return;
    const index = Number(option.dataset.index);
    if (!Number.isInteger(index)) return;
    this.#setActive(index);
    this.#activate(index, event);
  }

  /** Dispatch the cancelable select event; follow the hit's URL unless canceled. */
  #activate(index, event) {
    const hit = this.#hits[index];
    if (!hit) return;
    const proceed = this.#dispatch('select', { hit }, true);
    if (!proceed) return;
    const url = safeUrl(hit.url);
    if (!url) return;
    if (event && (event.ctrlKey || event.metaKey || event.shiftKey || event.button === 1)) {
      window.open(url, '_blank', 'noopener');
    } else {
      window.location.assign(url);
    }
  }

  get #isOpen() {
    return this.#ui.input.getAttribute('aria-expanded') === 'true';
  }

  #setOpen(open) {
    const ui = this.#ui;
    const show = open && this.#hits.length > 0;
    ui.listbox.hidden = !show;
    ui.more.hidden = !show || !(this.#results && this.#results.total > this.#hits.length);
    ui.input.setAttribute('aria-expanded', String(show));
    if (!show) this.#setActive(-1);
  }

  #setActive(index) {
    const ui = this.#ui;
    if (!ui) return;
    const options = ui.listbox.children;
    if (this.#active >= 0 && options[this.#active]) options[this.#active].setAttribute('aria-selected', 'false');
    this.#active = index >= 0 && index < options.length ? index : -1;
    const option = options[this.#active];
    if (option) {
      option.setAttribute('aria-selected', 'true');
      ui.input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    } else {
      ui.input.removeAttribute('aria-activedescendant');
    }
  }

  // --- rendering ----------------------------------------------------------------

  #setState(state) {
    this.#state = state;
    this.#render();
  }

  #render() {
    const ui = this.#ui;
    if (!ui) return;
    const s = this.#strings;
    const state = this.#state;
    const query = this.#ui.input.value.trim();
    const results = this.#results;

    ui.root.setAttribute('data-state', state);
    ui.listbox.setAttribute('aria-busy', String(state === 'loading'));

    // Status line = the polite live region.
    const status = [];
    if (state === 'loading') {
      status.push(h('span', { class: 'spinner', 'aria-hidden': 'true' }), s.loading);
    } else if (state === 'results' && results) {
      const total = Number(results.total) || this.#hits.length;
      let text = formatCount(total, this.#locale);
      if (total > this.#hits.length) text += s.showing(formatNumber(this.#hits.length, this.#locale));
      status.push(text);
      if (results.partial) status.push(h('span', { class: 'partial', part: 'partial' }, s.partial));
    } else if (state === 'empty') {
      status.push(s.empty(query));
    } else if (state === 'idle' && !query) {
      const docs = this.info?.documents;
      if (docs) status.push(s.idle(formatNumber(docs, this.#locale)));
    }
    ui.status.replaceChildren(...status);

    // "Did you mean" suggestion.
    const suggestion = (state === 'results' || state === 'empty') && results?.suggestion;
    ui.suggest.hidden = !suggestion;
    ui.suggestion.textContent = suggestion || '';

    // Empty state.
    ui.empty.hidden = state !== 'empty';
    if (state === 'empty') {
      ui.emptyTitle.textContent = s.empty(query);
      ui.emptyHint.textContent = s.emptyHint;
    }

    // Error state.
    ui.error.hidden = state !== 'error';
    const err = this.#loadError || this.#searchError;
    if (state === 'error' && err) {
      const msg = err.kind === 'http' ? s.errors.http(err.status) : s.errors[err.kind] || s.errors.search;
      ui.errorMessage.textContent = msg;
      ui.errorDetail.textContent = err.kind === 'http' ? '' : err.detail;
      ui.errorDetail.hidden = !ui.errorDetail.textContent;
      ui.retry.hidden = err.kind === 'search';
    }

    // Results.
    if (state === 'results') {
      ui.listbox.replaceChildren(...this.#hits.map((hit, i) => this.#renderOption(hit, i)));
    } else {
      ui.listbox.replaceChildren();
    }
    this.#active = -1;
    ui.input.removeAttribute('aria-activedescendant');
    this.#setOpen(state === 'results');
  }

  #renderOption(hit, index) {
    const id = `${this.#uid}-option-${index}`;
    const titleId = `${id}-title`;
    const detailsId = `${id}-details`;
    const url = safeUrl(hit.url);
    const title = h('span', { class: 'title', part: 'title', id: titleId });
    title.append(renderHighlighted(hit.title ?? '', hit.titleHighlights));

    const meta = h('span', { class: 'meta', part: 'meta' });
    if (hit.published) {
      const time = h('time', { datetime: String(hit.published) });
      time.textContent = formatPublished(hit.published, this.#locale);
      meta.append(h('span', { class: 'date' }, time));
    }
    if (hit.author) meta.append(h('span', { class: 'author' }, String(hit.author)));
    if (hit.source) meta.append(h('span', { class: 'source' }, String(hit.source)));

    const snippet = h('span', { class: 'snippet', part: 'snippet' });
    const snip = hit.snippet && typeof hit.snippet === 'object' ? hit.snippet : { text: '', highlights: [] };
    snippet.append(renderHighlighted(snip.text ?? '', snip.highlights));

    const details = h('span', { class: 'details', id: detailsId }, meta, snippet);
    const option = h(
      'li',
      {
        id,
        // The article's own direction (from its title), whatever the widget's UI direction.
        dir: 'auto',
        class: url ? 'option has-url' : 'option',
        part: 'option',
        role: 'option',
        'aria-selected': 'false',
        'aria-labelledby': titleId,
        'aria-describedby': detailsId,
        'data-index': index,
      },
      title,
      details,
    );
    return option;
  }

  #dispatch(name, detail, cancelable = false) {
    return this.dispatchEvent(new CustomEvent(`${this.localName}-${name}`, { detail, bubbles: true, composed: true, cancelable }));
  }
}

// Self-define on import (unless something else took the name already).
if (typeof customElements !== 'undefined' && !customElements.get('fahras-search')) {
  FahrasSearch.define();
}

export default FahrasSearch;
