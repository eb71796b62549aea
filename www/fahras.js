// fahras.js — the <fahras-search> custom element.
//
// فهرس (fahras) is an Arabic-first search widget: a Rust core compiled to
// WebAssembly searches an index in the reader's browser, and this file is the
// thin, framework-free web component around it.
//
//   <script type="module" src="./fahras.js"></script>
//   <fahras-search></fahras-search>                      <!-- the embedded corpus -->
//   <fahras-search src="archive.fahras" lang="en" mode="dropdown" url-sync></fahras-search>
//
// Files: this module, ./fahras-worker.js (only with the `worker` attribute), ./pkg/fahras.js
// and ./pkg/fahras_bg.wasm (the engine), and the `src` index. Nothing else is fetched.
//
// Attributes (mirrored as properties; README.md "Attributes" has the full table)
//   src          URL of an index file (`fahras build` output); absent = the corpus compiled into the wasm
//   lang         UI language, 'ar' or 'en' (default: the nearest lang="" on the page, else Arabic);
//                a regional tag such as 'ar-MA' picks the digits/date style for that region
//   dir          'rtl' | 'ltr' | 'auto' (default: the UI language's direction)
//   placeholder  the input's placeholder;  label: the input's label (`label-hidden` hides it visually)
//   limit        hits per page, 1–100 (default 10); "show more" fetches the next page
//   facets       the facet panel: which facets, e.g. "platform place year" ('year', 'month' or
//                'timeline' = the timeline and date range), "*" (all the index has) or "none";
//                default: platform, organisation, place, person, then source, author, section,
//                tag when the index has them, and the timeline (in dropdown mode: none)
//   url-sync     keep the query in the page URL (?q=…); a value renames the parameter (url-sync="fq")
//   mode         'inline' (default) | 'dropdown' (results float below the input) | 'modal'
//                (a button opens a dialog; also the keys / and Ctrl+K or ⌘K)
//   worker       search in a module Worker (./fahras-worker.js) instead of the main thread
//   hit-url      for results whose record has no url, a template: "articles/{id}.html"
//   theme        'light' | 'dark' forces a palette (default: prefers-color-scheme)
// Properties: query (get/set: setting it searches, loading the engine if needed), state
//   ('idle' | 'loading' | 'results' | 'empty' | 'error'), results (last SearchResults), info
//   (engine.info() once loaded), open (the dialog / dropdown / list is showing); filters and
//   exclude ({facet: [values]}), dateFrom, dateTo ('2017' | '2017-09' | '2017-09-23'), sort
//   ('relevance' | 'newest' | 'oldest'): setting any of them searches;
//   methods load(), focus(), show(), close(); static define(tag, registry).
// Events (bubbling, composed; named after the tag, e.g. news-search-select under 'news-search'):
//   fahras-search-query    {query, filters, exclude, dateFrom, dateTo, sort}   a search was run
//   fahras-search-results  {query, total, hits, partial, suggestion, filters, exclude, dateFrom,
//                          dateTo, sort, facets}
//   fahras-search-select   {hit, query}  cancelable; when not canceled, a hit with an http(s) or
//                          relative url is opened
// Theming: --fahras-* custom properties and ::part() (README.md "Theming" has both tables).
// Keyboard (in the input): ArrowDown/ArrowUp move the active option (wrapping; they also reopen
//   a closed list), Home/End jump to the first/last option while one is active (otherwise
//   they move the caret), Enter chooses the active option, Escape leaves the active option
//   (inline) or closes the panel (dropdown), and the next Escape clears the input (in a
//   modal: Escape closes the dialog). On the buttons
//   below the input (did-you-mean, show more, try again), ArrowLeft/ArrowRight move between
//   them in visual order: mirrored in RTL. The facet panel: one Tab stop per facet (roving
//   tabindex); ←/→ between its chips in visual order (mirrored in RTL), ↓/↑, Home/End,
//   Space/Enter toggles. The timeline: one Tab stop; ←/→ earlier/later bar (time runs left to
//   right in both directions, so the arrows follow the chart), Space/Enter filters to it.
//
// Design notes
// - Modelled on GitHub's auto-complete-element / combobox-nav: one class per
//   element, `static define()`, attributes mirrored as properties, listeners
//   added in connectedCallback and removed (AbortController) in disconnectedCallback.
// - ARIA 1.2 combobox: the <input> keeps DOM focus; the active option is
//   announced through aria-activedescendant.
// - Corpus text is untrusted. Every piece of it is put in the DOM with
//   text nodes / textContent, never innerHTML. Result URLs are only followed
//   when they are http(s) (relative URLs resolve to the page's scheme).
// - CSP-friendly: no inline styles (a constructable stylesheet is adopted by
//   the shadow root), no eval, no HTML strings, no blob: workers. Works under
//   `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.
// - The WebAssembly engine is loaded lazily (first focus, pointer or key on the
//   element, or when a query is set through the `query` property or the URL), from
//   ./pkg/fahras.js next to this module. Engines are shared between elements
//   that use the same index (and the same thread).
// - This module's top level touches no DOM API, so fahras-worker.js can import
//   openWasmEngine() from it: one copy of the loading code for both paths.

const PKG_URL = new URL('./pkg/fahras.js', import.meta.url).href;
const WORKER_URL = new URL('./fahras-worker.js', import.meta.url);

/** Delay between the last input event and the search. Keeps typing smooth. */
const SEARCH_DELAY_MS = 24;
/** Delay before the URL is updated (browsers rate-limit history.replaceState). */
const URL_WRITE_DELAY_MS = 300;
/**
 * Quiet time after the last render before the live region says the status line: once the
 * reader stops typing, not at every keystroke over the letters being echoed.
 */
const ANNOUNCE_DELAY_MS = 500;
/**
 * Inline, how long a mouse's click on a result waits for a second press before opening it:
 * the first click of a double-click (which selects a word to copy) opens nothing. Most
 * double-clicks press again within this; a slower one opens the result as a click would.
 */
const DOUBLE_CLICK_MS = 300;
/** A result's title that drags its link: the title of a result with a URL. */
const LINK_TITLE = '[role="option"][href] > .title';
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;
const MODES = ['inline', 'dropdown', 'modal'];
const DEFAULT_URL_PARAM = 'q';
const SORTS = ['relevance', 'newest', 'oldest'];
/** The facets shown when the `facets` attribute is absent (those the index has), in this order. */
export const DEFAULT_FACETS = ['platform', 'organisation', 'place', 'person', 'source', 'author', 'section', 'tag'];
/** Names in the `facets` attribute that mean "the timeline" (with the date range). */
const TIMELINE_NAMES = ['year', 'month', 'timeline', 'date', 'dates'];
/** Values shown per facet before its "show all" button. */
export const FACET_TOP = 6;
/**
 * The most values a facet lists when expanded. The engine returns a facet's most frequent
 * values (and the chosen ones) and how many it has (a tag facet can have thousands): FACET_TOP
 * of each while none is expanded, FACET_LIMIT once one is.
 */
export const FACET_LIMIT = 50;
/** The timeline's width in its own units (its viewBox). */
const CHART_UNITS = 200;

/** The timeline shows months when the matching articles' years span at most this many years. */
export const MONTHS_MAX_YEARS = 2;

// ---------------------------------------------------------------------------
// UI strings
// ---------------------------------------------------------------------------

/**
 * Arabic has six plural forms (zero, one, two, few, many, other); Intl.PluralRules
 * picks the form and Intl.NumberFormat writes the digits.
 */
const STRINGS = {
  ar: {
    dir: 'rtl',
    label: 'ابحث في الأرشيف',
    placeholder: 'اكتب كلمة للبحث…',
    listLabel: 'نتائج البحث',
    facetsLabel: 'تصفية النتائج',
    close: 'إغلاق البحث',
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
    keepTyping: 'واصل الكتابة: ما كُتب لا يكفي للبحث بعد.',
    cut: (n) => `يُبحث عن أول ${n} حرفًا فقط من النص الملصق.`,
    more: 'عرض المزيد',
    retry: 'أعد المحاولة',
    emptyFiltered: 'لا توجد مقالات تطابق عوامل التصفية المختارة.',
    emptyFilteredHint: 'أزل بعض عوامل التصفية أو وسّع المدة.',
    emptyExcluded: (articles, n) => `تطابق البحثَ ${articles}، لكن الكلمات المستبعدة بعلامة الناقص (-) ${n === 1 ? 'أزالتها' : 'أزالتها كلها'}.`,
    // The facet panel.
    filters: 'تصفية',
    activeFilters: 'عوامل التصفية المختارة',
    clearFilters: 'مسح عوامل التصفية',
    clearQuery: 'مسح نص البحث',
    remove: (label) => `إزالة عامل التصفية: ${label}`,
    not: (label) => `ليس ${label}`,
    showAll: (n) => `عرض الكل (${n})`,
    showResults: (n) => `عرض النتائج (${n})`,
    showTop: (k, n) => `عرض الأكثر تكرارا (${k} من ${n})`,
    showFewer: 'عرض أقل',
    sort: 'الترتيب',
    sorts: { relevance: 'الأكثر صلة', newest: 'الأحدث أولًا', oldest: 'الأقدم أولًا' },
    dateRange: 'المدة',
    dateFrom: 'من',
    dateTo: 'إلى',
    anyDate: 'أي تاريخ',
    since: (d) => `منذ ${d}`,
    until: (d) => `حتى ${d}`,
    rangeError: 'يجب ألا تكون بداية المدة بعد نهايتها.',
    timeline: 'الخط الزمني',
    timelineChart: (unit) => (unit === 'month' ? 'عدد المقالات في كل شهر' : 'عدد المقالات في كل سنة'),
    timelineTable: 'الخط الزمني في جدول',
    // شهر is masculine, سنة feminine: the pronouns agree with it.
    timelineNote: (unit) => (unit === 'month'
      ? 'تُعدّ المقالة في كل شهر نُشرت فيه أو تذكره، فقد يزيد مجموع الأعمدة على عدد النتائج.'
      : 'تُعدّ المقالة في كل سنة نُشرت فيها أو تذكرها، فقد يزيد مجموع الأعمدة على عدد النتائج.'),
    // A bar the chosen range covers only part of (a month chosen, a chart of years).
    timelinePartial: (periods, unit) => {
      const list = new Intl.ListFormat('ar', { type: 'conjunction' }).format(periods);
      if (unit === 'month') {
        return periods.length === 1
          ? `المدة المختارة جزء من شهر ${list} فقط، وعموده يعدّ مقالات الشهر كلها.`
          : `المدة المختارة جزء من كل شهر من ${list} فقط، وعمود الشهر يعدّ مقالاته كلها.`;
      }
      return periods.length === 1
        ? `المدة المختارة جزء من سنة ${list} فقط، وعمودها يعدّ مقالات السنة كلها.`
        : `المدة المختارة جزء من كل سنة من ${list} فقط، وعمود السنة يعدّ مقالاتها كلها.`;
    },
    period: (unit) => (unit === 'month' ? 'الشهر' : 'السنة'),
    latestMention: 'أحدث تاريخ يذكره:',
    articlesHeader: 'المقالات',
    articles: {
      zero: () => 'لا مقالات',
      one: () => 'مقالة واحدة',
      two: () => 'مقالتان',
      few: (n) => `${n} مقالات`,
      many: (n) => `${n} مقالة`,
      other: (n) => `${n} مقالة`,
    },
    // The noun read after a chip's count («تويتر ٤ مقالات»; on screen only «تويتر ٤»).
    facetNames: {
      platform: 'منصات', organisation: 'منظمات', place: 'أماكن', person: 'أشخاص', source: 'المصدر',
      author: 'الكاتب', section: 'القسم', tag: 'وسوم', year: 'السنة', month: 'الشهر',
    },
    errors: {
      wasm: 'تعذّر تشغيل محرّك البحث. ربما منع المتصفح أو سياسة أمان الصفحة تحميل WebAssembly.',
      worker: 'تعذّر تشغيل محرّك البحث في الخلفية (Web Worker).',
      network: 'تعذّر تحميل فهرس البحث: انقطع الاتصال أو رُفض الطلب.',
      http: (status) => `تعذّر تحميل فهرس البحث (HTTP ${status}).`,
      index: 'ملف فهرس البحث غير صالح أو من إصدار غير مدعوم.',
      embedded: 'لا يحتوي محرّك البحث على فهرس مضمّن.',
      search: 'حدث خطأ أثناء البحث.',
    },
  },
  en: {
    dir: 'ltr',
    label: 'Search the archive',
    placeholder: 'Type a word to search…',
    listLabel: 'Search results',
    facetsLabel: 'Filter the results',
    close: 'Close search',
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
    keepTyping: 'Keep typing: what is typed is not enough to search yet.',
    cut: (n) => `Only the first ${n} characters of the pasted text are searched.`,
    more: 'Show more',
    retry: 'Try again',
    emptyFiltered: 'No articles match the chosen filters.',
    emptyFilteredHint: 'Remove some filters or widen the date range.',
    emptyExcluded: (articles, n) => `${articles} ${n === 1 ? 'matches' : 'match'}, but the words excluded with a minus (-) removed ${n === 1 ? 'it' : 'them all'}.`,
    filters: 'Filters',
    activeFilters: 'Chosen filters',
    clearFilters: 'Clear filters',
    clearQuery: 'Clear the search',
    remove: (label) => `Remove filter: ${label}`,
    not: (label) => `not ${label}`,
    showAll: (n) => `Show all (${n})`,
    showResults: (n) => `Show results (${n})`,
    showTop: (k, n) => `Show the top ${k} of ${n}`,
    showFewer: 'Show fewer',
    sort: 'Sort',
    sorts: { relevance: 'Most relevant', newest: 'Newest first', oldest: 'Oldest first' },
    dateRange: 'Date range',
    dateFrom: 'From',
    dateTo: 'To',
    anyDate: 'Any date',
    since: (d) => `since ${d}`,
    until: (d) => `until ${d}`,
    rangeError: 'The start of the range must not be after its end.',
    timeline: 'Timeline',
    timelineChart: (unit) => (unit === 'month' ? 'Articles per month' : 'Articles per year'),
    timelineTable: 'The timeline as a table',
    timelineNote: (unit) => `An article counts in every ${unit} it is dated or mentions, so the bars can add up to more than the results.`,
    timelinePartial: (periods, unit) => {
      const list = new Intl.ListFormat('en', { type: 'conjunction' }).format(periods);
      return periods.length === 1
        ? `The chosen range covers only part of ${list}: its bar counts all of that ${unit}’s articles.`
        : `The chosen range covers only part of ${list}: each bar counts all of its ${unit}’s articles.`;
    },
    period: (unit) => (unit === 'month' ? 'Month' : 'Year'),
    latestMention: 'Latest date mentioned:',
    articlesHeader: 'Articles',
    articles: {
      zero: () => 'no articles',
      one: () => '1 article',
      two: (n) => `${n} articles`,
      few: (n) => `${n} articles`,
      many: (n) => `${n} articles`,
      other: (n) => `${n} articles`,
    },
    facetNames: {
      platform: 'Platforms', organisation: 'Organisations', place: 'Places', person: 'People', source: 'Source',
      author: 'Author', section: 'Section', tag: 'Tags', year: 'Year', month: 'Month',
    },
    errors: {
      wasm: 'The search engine could not start. The browser or the page’s security policy may be blocking WebAssembly.',
      worker: 'The search engine could not start in the background (Web Worker).',
      network: 'The search index could not be loaded: the connection failed or the request was refused.',
      http: (status) => `The search index could not be loaded (HTTP ${status}).`,
      index: 'The search index file is invalid or of an unsupported version.',
      embedded: 'The search engine has no embedded index.',
      search: 'Something went wrong while searching.',
    },
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

/** The most characters the input takes from the keyboard (a pasted article is no query); a
 * query set by script or read from the URL is cut to as many (the engine reads 1024). */
const MAX_QUERY_CHARS = 512;

/** `q` cut as the field's maxlength cuts it (MAX_QUERY_CHARS UTF-16 units), never inside a
 * surrogate pair. */
function clampQuery(q) {
  if (q.length <= MAX_QUERY_CHARS) return q;
  const high = q.charCodeAt(MAX_QUERY_CHARS - 1);
  return q.slice(0, high >= 0xd800 && high <= 0xdbff ? MAX_QUERY_CHARS - 1 : MAX_QUERY_CHARS);
}

/** The most characters of a query echoed back ("no results for …"). */
const ECHO_CHARS = 60;

/** A query as echoed back: a long one is cut, at a word when one ends near the cut. */
function echoed(query) {
  const chars = Array.from(query);
  if (chars.length <= ECHO_CHARS) return query;
  const cut = chars.slice(0, ECHO_CHARS).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > ECHO_CHARS / 2 ? cut.slice(0, space) : cut}…`;
}

function formatNumber(n, lang) {
  return cachedFormatter(`number|${lang}`, () => new Intl.NumberFormat(lang)).format(n);
}

/** 'rtl' or 'ltr' after the first letter of `text` (Arabic, Hebrew, Syriac, Thaana, N'Ko
 * scripts are right to left), '' when it has none. */
export function textDirection(text) {
  const letter = /\p{L}/u.exec(String(text ?? ''));
  if (!letter) return '';
  return /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u.test(letter[0]) ? 'rtl' : 'ltr';
}

/**
 * The language to mark a name with (a facet's value, a chosen filter) in a widget whose UI
 * language is `ui`, or null for the widget's own: an Arabic name in the English widget is
 * read by an Arabic voice (an English one skips Arabic letters); a name in Latin letters in
 * the Arabic widget (an index's English label, an id) by an English one.
 */
function nameLang(text, ui) {
  const dir = textDirection(text);
  if (ui !== 'ar' && dir === 'rtl') return 'ar';
  if (ui === 'ar' && dir === 'ltr') return 'en';
  return null;
}

const RTL_LETTER = /(?=\p{L})[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/gu;

/** How many of a text's letters are in all, right to left, Arabic and Latin. */
function letterCounts(text) {
  const s = String(text ?? '');
  const count = (re) => s.match(re)?.length ?? 0;
  return {
    all: count(/\p{L}/gu),
    rtl: count(RTL_LETTER),
    arabic: count(/(?=\p{L})\p{Script=Arabic}/gu),
    latin: count(/(?=\p{L})\p{Script=Latin}/gu),
  };
}

/**
 * The direction of a text of the corpus (a title, a snippet): that of most of its letters,
 * not of the first («Telegram يحذف…» is Arabic, right to left), '' when neither has more.
 */
export function majorityDirection(text) {
  const { all, rtl } = letterCounts(text);
  return rtl * 2 > all ? 'rtl' : rtl * 2 < all ? 'ltr' : '';
}

/**
 * The language of a text of the corpus, from the script of most of its letters: 'ar' for
 * Arabic letters, 'en' for Latin ones (the index says no article's language, and Latin
 * letters in an Arabic archive are mostly English), null for anything else (no guess).
 */
export function scriptLang(text) {
  const { all, arabic, latin } = letterCounts(text);
  return arabic * 2 > all ? 'ar' : latin * 2 > all ? 'en' : null;
}

/**
 * A sentence of the widget's own words around a name, `template(name)`, as the words before
 * and after it: s.remove → ['إزالة عامل التصفية: ', ''], so that the name is an element of
 * its own (its language, its direction isolated).
 */
function around(template) {
  const [before, after = ''] = template('\u0000').split('\u0000');
  return [before, after];
}

/** The plural category of `n` in `lang` ('zero', 'one', 'two', 'few', 'many', 'other'). */
function pluralRule(n, lang) {
  return cachedFormatter(`plural|${lang}`, () => new Intl.PluralRules(lang)).select(n);
}

function plural(n, lang, forms) {
  return (forms[pluralRule(n, lang)] || forms.other)(formatNumber(n, lang));
}

/** "٣ نتائج" / "3 results", with the right Arabic plural form. */
export function formatCount(n, lang = 'ar') {
  return plural(n, lang, STRINGS[uiLanguage(lang)].results);
}

/** "مقالتان" / "2 articles" (timeline bars, facet counts read aloud). */
export function formatArticles(n, lang = 'ar') {
  return plural(n, lang, STRINGS[uiLanguage(lang)].articles);
}

// --- Dates of the date range and the timeline -----------------------------------
//
// A period is 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (what the engine's dateFrom / dateTo take and
// what its `year` / `month` facets hold).

const PERIOD_RE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Is `value` a period the engine accepts ('2017', '2017-09', '2017-09-30')? */
export function isPeriod(value) {
  return typeof value === 'string' && PERIOD_RE.test(value);
}

/** The first and last day a period covers, as comparable 'YYYY-MM-DD' strings; null if invalid. */
export function periodBounds(value) {
  const m = PERIOD_RE.exec(String(value ?? ''));
  if (!m) return null;
  const [, y, mo, d] = m;
  return { start: `${y}-${mo || '01'}-${d || '01'}`, end: `${y}-${mo || '12'}-${d || '31'}` };
}

/** "٢٠١٧" / "سبتمبر ٢٠١٧" / "٢٣ سبتمبر ٢٠١٧" (and "2017", "September 2017" in English). */
export function formatPeriod(value, lang = 'ar', { short = false } = {}) {
  const m = PERIOD_RE.exec(String(value ?? ''));
  if (!m) return String(value ?? '');
  const [, y, mo, d] = m;
  const kind = d ? 'day' : mo ? 'month' : 'year';
  const options = { timeZone: 'UTC', year: 'numeric' };
  if (kind !== 'year') options.month = short ? 'short' : 'long';
  if (kind === 'day') options.day = 'numeric';
  const f = cachedFormatter(`period|${kind}|${short}|${lang}`, () => new Intl.DateTimeFormat(lang, options));
  return f.format(new Date(Date.UTC(+y, mo ? +mo - 1 : 0, d ? +d : 1)));
}

/**
 * The URL a hit may navigate to: absolute http(s) URLs, and relative ones (resolved
 * against the page, so they inherit its http(s) scheme). javascript:, data:, vbscript:,
 * blob:, file: … give null. The URL parser also strips the tabs/newlines and leading
 * spaces that "java\tscript:" tricks rely on, so the check sees the real scheme.
 */
export function safeUrl(url, base = document.baseURI) {
  if (typeof url !== 'string' || !url.trim()) return null;
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * The URL of a hit: its own `url`, or for a record without one the `hit-url` template with
 * `{id}` replaced by the hit's id (URL-encoded): "articles/{id}.html". Through safeUrl.
 */
export function hitUrl(hit, template, base = document.baseURI) {
  const own = hit?.url;
  if (typeof own === 'string' && own.trim()) return safeUrl(own, base);
  if (typeof template !== 'string' || !template.includes('{id}') || hit?.id == null) return null;
  // Each segment of the id encoded, its slashes kept: a path-like id (posts/a, from
  // content/posts/a.md) stays a path (hit-url="/{id}/" → /posts/a/).
  const id = String(hit.id).split('/').map(encodeURIComponent).join('/');
  return safeUrl(template.replaceAll('{id}', id), base);
}

/**
 * The `facets` attribute as a list of facet names: "section, year" → ['section', 'year'];
 * separators are commas (also Arabic ،) and spaces; "*" means every facet of the index.
 */
export function parseFacets(value) {
  if (value == null) return [];
  const names = [];
  for (const name of String(value).split(/[\s,،;]+/)) {
    if (name && !names.includes(name)) names.push(name);
  }
  return names.includes('*') ? ['*'] : names;
}

// --- URL state ----------------------------------------------------------------
//
// Scheme (url-sync): the query is `?q=…` (`q` is renamed by the attribute's value, e.g.
// url-sync="fq" → `?fq=…`). The rest of the widget's state goes in parameters namespaced by
// that name, written in this order: `q.f.<facet>=<value>` (chosen values, repeated for
// several), `q.x.<facet>=<value>` (excluded values), `q.from=2017`, `q.to=2018-06` (the date
// range) and `q.sort=newest`; empty and default ones are left out. Every other parameter, and
// the #hash, is left exactly as it was (byte for byte: the search string is edited, not
// re-serialised).

function decodeParamPart(s) {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** The first value of parameter `name` in a search string ('?a=1&q=x'), or null. */
export function readUrlParam(search, name) {
  for (const pair of String(search).replace(/^\?/, '').split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = decodeParamPart(eq < 0 ? pair : pair.slice(0, eq));
    if (key === name) return eq < 0 ? '' : decodeParamPart(pair.slice(eq + 1));
  }
  return null;
}

/**
 * The search string with the parameters of namespace `name` (`name` and `name.*`) replaced
 * by `entries` ([[key, value]…], keys being `name` or `name.something`), placed where the
 * first of them was (else at the end). Other parameters are kept verbatim, in order.
 */
export function replaceUrlParams(search, name, entries) {
  const kept = [];
  let at = -1;
  for (const pair of String(search).replace(/^\?/, '').split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = decodeParamPart(eq < 0 ? pair : pair.slice(0, eq));
    if (key === name || key.startsWith(`${name}.`)) {
      if (at < 0) at = kept.length;
      continue;
    }
    kept.push(pair);
  }
  const ours = entries
    .filter(([, value]) => value != null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  kept.splice(at < 0 ? kept.length : at, 0, ...ours);
  return kept.length ? `?${kept.join('&')}` : '';
}

/**
 * Everything `url-sync` keeps under parameter `name` in a search string:
 * { query, sort, dateFrom, dateTo, filters: {facet: [values]}, exclude: {facet: [values]},
 *   present } (present: some parameter of the namespace is there). Unknown sort values and
 * malformed dates are dropped; values keep their order, without repeats.
 */
export function readUrlState(search, name) {
  const state = { query: null, sort: null, dateFrom: null, dateTo: null, filters: {}, exclude: {}, present: false };
  const add = (target, facet, value) => {
    if (!facet || !value) return;
    const list = (target[facet] ??= []);
    if (!list.includes(value)) list.push(value);
  };
  for (const pair of String(search).replace(/^\?/, '').split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = decodeParamPart(eq < 0 ? pair : pair.slice(0, eq));
    if (key !== name && !key.startsWith(`${name}.`)) continue;
    const value = eq < 0 ? '' : decodeParamPart(pair.slice(eq + 1));
    state.present = true;
    const sub = key.slice(name.length + 1);
    if (key === name) state.query ??= value;
    else if (sub === 'sort') state.sort = SORTS.includes(value) ? value : state.sort;
    else if (sub === 'from') state.dateFrom = isPeriod(value) ? value : state.dateFrom;
    else if (sub === 'to') state.dateTo = isPeriod(value) ? value : state.dateTo;
    else if (sub.startsWith('f.')) add(state.filters, sub.slice(2), value);
    else if (sub.startsWith('x.')) add(state.exclude, sub.slice(2), value);
  }
  return state;
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/**
 * An error that the UI knows how to explain.
 * kind: wasm | worker | network | http | index | embedded | search
 */
export class FahrasError extends Error {
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

/** A FahrasError as a structured-clone-safe object (worker → page). */
export function errorToJSON(err, kind = 'search') {
  const e = err instanceof FahrasError ? err : new FahrasError(kind, messageOf(err));
  return { kind: e.kind, detail: e.detail, status: e.status };
}

function errorFromJSON(value, kind = 'search') {
  if (value && typeof value === 'object' && typeof value.kind === 'string') {
    return new FahrasError(value.kind, String(value.detail ?? ''), value.status);
  }
  return new FahrasError(kind, messageOf(value));
}

// ---------------------------------------------------------------------------
// Engine loading: the wasm (main thread or worker), and an engine adapter with one
// asynchronous interface for both paths.
// ---------------------------------------------------------------------------

/** @type {Promise<any> | null} the initialised wasm-bindgen module (per thread) */
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

/**
 * A wasm SearchEngine for the index at `url` ('' = the index embedded in the wasm), in
 * the current thread. Used by the main-thread path and by fahras-worker.js.
 */
export async function openWasmEngine(url) {
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

/** The engine in this thread, behind the same promise-based interface as WorkerEngine. */
class LocalEngine {
  constructor(engine) {
    this.engine = engine;
    this.inWorker = false;
    try {
      this.info = engine.info();
    } catch {
      this.info = null;
    }
  }

  async search(query, options) {
    try {
      return this.engine.search(query, options);
    } catch (err) {
      throw new FahrasError('search', messageOf(err));
    }
  }

  free() {
    this.engine.free?.();
  }
}

/**
 * The engine in a module Worker. Searches are queued per caller (`channel`, one per
 * element) and only the newest waiting one is sent: while the worker is busy, a query typed
 * meanwhile replaces the one still waiting, whose promise resolves to null (superseded).
 */
class WorkerEngine {
  #worker;
  #nextId = 0;
  #calls = new Map(); // id → {resolve, reject}
  #channels = new Map(); // channel → {busy, waiting}

  /** Start a worker and open the index in it. Rejects with kind 'worker' if it cannot start. */
  static open(url) {
    return new Promise((resolve, reject) => {
      let worker;
      try {
        worker = new Worker(WORKER_URL, { type: 'module', name: 'fahras' });
      } catch (err) {
        reject(new FahrasError('worker', messageOf(err)));
        return;
      }
      const cleanup = () => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
      };
      const onError = (event) => {
        event.preventDefault?.();
        cleanup();
        worker.terminate();
        reject(new FahrasError('worker', event.message || 'the worker script could not be loaded'));
      };
      const onMessage = (event) => {
        const data = event.data;
        if (data?.type === 'ready') {
          cleanup();
          resolve(new WorkerEngine(worker, data.info ?? null));
        } else if (data?.type === 'failed') {
          cleanup();
          worker.terminate();
          reject(errorFromJSON(data.error, 'wasm'));
        }
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      worker.postMessage({ type: 'open', url });
    });
  }

  constructor(worker, info) {
    this.#worker = worker;
    this.info = info;
    this.inWorker = true;
    worker.addEventListener('message', (event) => this.#onMessage(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault?.();
      this.#failAll(new FahrasError('worker', event.message || 'the search worker failed'));
    });
    worker.addEventListener('messageerror', () => this.#failAll(new FahrasError('worker', 'a message from the worker could not be read')));
  }

  search(query, options, channel = '') {
    return new Promise((resolve, reject) => {
      let slot = this.#channels.get(channel);
      if (!slot) {
        slot = { busy: false, waiting: null };
        this.#channels.set(channel, slot);
      }
      slot.waiting?.resolve(null); // superseded by this newer search
      slot.waiting = { query, options, resolve, reject };
      if (!slot.busy) this.#send(slot);
    });
  }

  #send(slot) {
    const call = slot.waiting;
    if (!call || !this.#worker) return;
    slot.waiting = null;
    slot.busy = true;
    const id = ++this.#nextId;
    const done = () => {
      slot.busy = false;
      this.#send(slot);
    };
    this.#calls.set(id, {
      resolve: (value) => {
        call.resolve(value);
        done();
      },
      reject: (err) => {
        call.reject(err);
        done();
      },
    });
    this.#worker.postMessage({ type: 'search', id, query: call.query, options: call.options });
  }

  #onMessage(data) {
    if (!data || (data.type !== 'results' && data.type !== 'error')) return;
    const call = this.#calls.get(data.id);
    if (!call) return;
    this.#calls.delete(data.id);
    if (data.type === 'results') call.resolve(data.results);
    else call.reject(errorFromJSON(data.error));
  }

  #failAll(err) {
    const calls = [...this.#calls.values()];
    this.#calls.clear();
    for (const slot of this.#channels.values()) {
      slot.busy = false;
      slot.waiting?.reject(err);
      slot.waiting = null;
    }
    for (const call of calls) call.reject(err);
  }

  free() {
    this.#worker?.terminate();
    this.#worker = null;
    this.#failAll(new FahrasError('worker', 'the engine was closed'));
  }
}

async function createEngine(url, inWorker) {
  if (inWorker && typeof Worker === 'function') {
    try {
      return await WorkerEngine.open(url);
    } catch (err) {
      // The worker itself could not start (a cross-origin fahras.js, a policy without
      // worker-src, an old browser): search on the main thread instead, with a warning.
      if (!(err instanceof FahrasError) || err.kind !== 'worker') throw err;
      console.warn(`fahras: the search worker could not start (${err.detail}); searching on the main thread`);
    }
  }
  return new LocalEngine(await openWasmEngine(url));
}

/** `${thread}|${url}` → { refs, promise, timer } */
const engines = new Map();

function engineKey(url, inWorker) {
  return `${inWorker ? 'worker' : 'main'}|${url}`;
}

function acquireEngine(url, inWorker) {
  const key = engineKey(url, inWorker);
  let entry = engines.get(key);
  if (!entry) {
    entry = { refs: 0, timer: 0, promise: createEngine(url, inWorker) };
    engines.set(key, entry);
    const current = entry;
    entry.promise.catch(() => {
      if (engines.get(key) === current) engines.delete(key);
    });
  }
  clearTimeout(entry.timer);
  entry.refs++;
  return entry.promise;
}

function releaseEngine(url, inWorker) {
  const key = engineKey(url, inWorker);
  const entry = engines.get(key);
  if (!entry) return;
  entry.refs = Math.max(0, entry.refs - 1);
  if (entry.refs > 0) return;
  // Deferred, so moving an element in the DOM (disconnect + connect) keeps its engine.
  clearTimeout(entry.timer);
  entry.timer = setTimeout(() => {
    if (entry.refs > 0 || engines.get(key) !== entry) return;
    engines.delete(key);
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
    --_mark-bg: #7a5d00;
    --_mark-fg: #fff6d6;
    --_border: #3b3f47;
    --_active-bg: #1f3a30;
    --_active-mix: 16%;
    --_hover-bg: #23262c;
    --_error: #ff8a8f;
    --_error-bg: #3a1517;
    --_focus: #8ab4f8;
    --_shadow: 0 0.6em 2em rgb(0 0 0 / 0.6);`;

const CSS = String.raw`
:host {
  all: initial;
  display: block;
  /* private defaults; the public --fahras-* custom properties override them */
  --_bg: #ffffff;
  --_fg: #1b1b1f;
  --_muted: #5d6068;
  --_accent: #0b6e4f;
  --_mark-bg: #ffe58a;
  --_mark-fg: #1b1b1f;
  --_border: #c9ccd3;
  --_active-bg: #e8f3ee;
  --_active-mix: 10%;
  --_hover-bg: #f4f6f8;
  --_error: #a4161a;
  --_error-bg: #fdeced;
  --_focus: #1a73e8;
  --_shadow: 0 0.6em 2em rgb(20 24 32 / 0.18);
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
/* Where color-mix() is supported (Chrome 111, Firefox 113, Safari 16.2), the hover and active
   backgrounds are mixed from the colours in effect, so that a page's own --fahras-bg and
   --fahras-fg (or a forced theme under them) never leave a dark hover behind dark text; older
   browsers keep the palettes' own. (The selector's specificity equals the palettes'; it comes
   after them.) */
@supports (color: color-mix(in srgb, red, blue)) {
  :host(:not([data-fahras-none])) {
    --_active-bg: color-mix(in srgb, var(--fahras-accent, var(--_accent)) var(--_active-mix), var(--fahras-bg, var(--_bg)));
    --_hover-bg: color-mix(in srgb, var(--fahras-fg, var(--_fg)) 6%, var(--fahras-bg, var(--_bg)));
  }
}
/* A forced palette may not be the page's: the widget paints its own surface, so that its
   text (the label, the status) stays readable on a page of the other scheme. */
:host([theme='dark']) .root, :host([theme='light']) .root { background: var(--fahras-bg, var(--_bg)); }

/* The wrapper resets everything a hostile page could make the host inherit
   (the page's own "* { … }" rules reach the host element, not the shadow tree).
   The dialog repeats it: in the top layer it still inherits from the host. */
.root, .dialog {
  box-sizing: border-box;
  margin: 0;
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
.root {
  position: relative;
  display: block;
  inline-size: 100%;
  min-inline-size: 0;
  padding: 0;
}
.root *, .root *::before, .root *::after { box-sizing: border-box; }
[hidden] { display: none !important; }

/* The search: label, field, panel (status + facets + results). Mobile first. */
.search {
  display: flex;
  flex-direction: column;
  gap: var(--fahras-gap, 0.75em);
  min-inline-size: 0;
}

:host([label-hidden]) .label, .visually-hidden {
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
  padding-inline: 2.6em 2.6em;
  font: inherit;
  font-size: max(1.05em, 16px); /* 16px+ stops iOS from zooming on focus */
  line-height: 1.5;
  letter-spacing: normal;
  text-transform: none;
  text-align: start;
  color: var(--fahras-fg, var(--_fg));
  background: var(--fahras-bg, var(--_bg));
  border: 1px solid var(--fahras-border, var(--_border));
  border-radius: var(--fahras-radius, 0.6em);
  box-shadow: none;
  outline: none;
  appearance: none;
  -webkit-appearance: none;
  min-block-size: 2.9em;
}
input::placeholder { color: var(--fahras-muted, var(--_muted)); opacity: 1; }
input::-webkit-search-decoration { -webkit-appearance: none; appearance: none; }
input::-webkit-search-cancel-button { display: none; -webkit-appearance: none; appearance: none; }
.erase {
  position: absolute;
  inset-block: 0;
  inset-inline-end: 0.45em;
  margin-block: auto;
  display: inline-flex;
  align-items: center;
  justify-content: center;
  inline-size: 2em;
  block-size: 2em;
  padding: 0;
  color: var(--fahras-muted, var(--_muted));
  background: transparent;
  border: 0;
  border-radius: 50%;
  cursor: pointer;
}
.erase[hidden] { display: none; }
.erase:hover { color: var(--fahras-fg, var(--_fg)); }
.erase svg { inline-size: 1.1em; block-size: 1.1em; }
.erase path { fill: none; stroke: currentColor; stroke-width: 2.2; stroke-linecap: round; }
input:focus { border-color: var(--fahras-accent, var(--_accent)); }
input:focus-visible {
  outline: 3px solid var(--fahras-focus, var(--_focus));
  outline-offset: 1px;
}

.panel {
  container: fahras-panel / inline-size;
  display: flex;
  flex-direction: column;
  gap: var(--fahras-gap, 0.75em);
  min-inline-size: 0;
}
/* The facets sit above the results on narrow widgets (behind the "Filters" button) and beside
   them, at the inline start, on wide ones (40em and more). Before a search (idle) they use the
   whole width. */
.layout {
  display: flex;
  flex-direction: column;
  gap: var(--fahras-gap, 0.75em);
  min-inline-size: 0;
}
.facets, .results {
  display: flex;
  flex-direction: column;
  gap: var(--fahras-gap, 0.75em);
  min-inline-size: 0;
}
@container fahras-panel (min-width: 40em) {
  .search:not([data-state='idle']) .layout:has(> .facets:not([hidden])) {
    display: grid;
    grid-template-columns: minmax(11em, 30%) minmax(0, 1fr);
    align-items: start;
  }
}

/* --- the facet panel ------------------------------------------------------------ */
.facets-head {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.4em;
  min-inline-size: 0;
}
.facets-toggle {
  display: inline-flex;
  align-items: center;
  gap: 0.45em;
  color: var(--fahras-fg, var(--_fg));
  border-color: var(--fahras-border, var(--_border));
}
.facets-toggle svg { inline-size: 1em; block-size: 1em; flex: none; }
.facets-toggle path { fill: none; stroke: currentColor; stroke-width: 2.2; stroke-linecap: round; }
.facets-toggle .chevron { transition: transform 120ms ease-out; }
.facets-toggle[aria-expanded='true'] .chevron { transform: rotate(180deg); }
.badge {
  min-inline-size: 1.6em;
  padding: 0 0.4em;
  font-size: 0.8em;
  font-weight: 700;
  line-height: 1.6;
  text-align: center;
  color: var(--fahras-accent-fg, var(--fahras-bg, var(--_bg)));
  background: var(--fahras-accent, var(--_accent));
  border-radius: 1em;
}
.badge:empty { display: none; }
.active { display: contents; }
.active-list {
  display: flex;
  flex-wrap: wrap;
  gap: 0.4em;
  margin: 0;
  padding: 0;
  list-style: none;
}
.active-list li { display: flex; margin: 0; padding: 0; }
.filter-chip {
  display: inline-flex;
  align-items: center;
  gap: 0.35em;
  padding-block: 0.1em;
  padding-inline: 0.7em 0.45em;
  font-size: 0.9em;
  color: var(--fahras-fg, var(--_fg));
  background: var(--fahras-active-bg, var(--_active-bg));
  border-color: var(--fahras-accent, var(--_accent));
  border-radius: 1em;
}
.filter-chip svg { inline-size: 0.9em; block-size: 0.9em; flex: none; }
.filter-chip path { fill: none; stroke: currentColor; stroke-width: 2.6; stroke-linecap: round; }
.clear {
  padding-inline: 0.4em;
  font-size: 0.9em;
  border-color: transparent;
  text-decoration: underline;
  text-underline-offset: 0.2em;
}

.facets:not([data-open]) > .facets-body { display: none; }
.facets-body {
  display: flex;
  flex-direction: column;
  gap: 0.9em;
  min-inline-size: 0;
  padding: 0.8em;
  background: var(--fahras-bg, var(--_bg));
  border: 1px solid var(--fahras-border, var(--_border));
  border-radius: var(--fahras-radius, 0.6em);
}
.facets-done {
  align-self: stretch;
  font-weight: 600;
  color: var(--fahras-accent-fg, var(--fahras-bg, var(--_bg)));
  background: var(--fahras-accent, var(--_accent));
  border-color: var(--fahras-accent, var(--_accent));
}
.facets-done:hover { background: var(--fahras-accent, var(--_accent)); text-decoration: underline; }
@container fahras-panel (min-width: 40em) {
  .facets-toggle, .facets-done { display: none; }
  .facets-head:not(:has(> .active:not([hidden]))) { display: none; }
  .facets:not([data-open]) > .facets-body, .facets > .facets-body { display: flex; }
  .search[data-state='idle'] .facets-body { display: grid; grid-template-columns: repeat(auto-fill, minmax(15em, 1fr)); column-gap: 1.5em; }
}
.facets-body > * + * { padding-block-start: 0.8em; border-block-start: 1px solid var(--fahras-border, var(--_border)); }
.search[data-state='idle'] .facets-body > * + * { padding-block-start: 0; border-block-start: 0; }
.facets-body > .facets-done { padding-block: 0.5em; border: 1px solid var(--fahras-accent, var(--_accent)); }
/* Nothing to order before a search. */
.search[data-state='idle'] .sort-row { display: none; }

fieldset { min-inline-size: 0; margin: 0; padding: 0; border: 0; }
/* A floated legend leaves the fieldset's border (the separator above it) alone. */
legend { float: inline-start; inline-size: 100%; }
legend + * { clear: both; }
legend, .facet-title {
  display: block;
  margin: 0 0 0.4em;
  padding: 0;
  font-size: 0.9em;
  font-weight: 700;
  color: var(--fahras-fg, var(--_fg));
}
.timeline-note {
  margin: 0.2em 0 0.4em;
  font-size: 0.875em;
  line-height: 1.4;
  color: var(--fahras-muted, var(--_muted));
}
.field-label {
  display: flex;
  flex-direction: column;
  gap: 0.15em;
  min-inline-size: 0;
  font-size: 0.85em;
  color: var(--fahras-muted, var(--_muted));
}
.sort-row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3em 0.6em; }
.sort-row .field-label { flex-direction: row; align-items: center; gap: 0.6em; font-size: 0.9em; font-weight: 700; color: var(--fahras-fg, var(--_fg)); }
select {
  max-inline-size: 100%;
  min-block-size: 2.2em;
  margin: 0;
  padding-block: 0.2em;
  padding-inline: 0.5em;
  font: inherit;
  font-size: max(1em, 14px);
  font-weight: 400;
  line-height: 1.4;
  color: var(--fahras-fg, var(--_fg));
  background: var(--fahras-bg, var(--_bg));
  border: 1px solid var(--fahras-border, var(--_border));
  border-radius: calc(var(--fahras-radius, 0.6em) * 0.6);
  cursor: pointer;
}
select:focus-visible { outline: 3px solid var(--fahras-focus, var(--_focus)); outline-offset: 1px; }
select[aria-invalid='true'] { border-color: var(--fahras-error, var(--_error)); border-width: 2px; }

.date-range { margin-block-start: 0.5em; }
.date-range .fields { display: flex; flex-wrap: wrap; gap: 0.5em 0.8em; }
/* Side by side when both selects fit at their own width ("Any date" is not cut to "Any dat"),
   else one above the other. */
.date-range .field-label { flex: 1 1 auto; }
.range-error { margin: 0.4em 0 0; font-size: 0.85em; color: var(--fahras-error, var(--_error)); }
.range-error:empty { display: none; }

.chips { display: flex; flex-wrap: wrap; gap: 0.4em; }
.chip {
  display: inline-flex;
  align-items: baseline;
  gap: 0.45em;
  max-inline-size: 100%;
  padding-block: 0.15em;
  padding-inline: 0.7em;
  font-size: 0.9em;
  text-align: start;
  color: var(--fahras-fg, var(--_fg));
  background: var(--fahras-bg, var(--_bg));
  border-color: var(--fahras-border, var(--_border));
  border-radius: 1em;
}
.chip .count {
  font-size: 0.95em;
  font-variant-numeric: tabular-nums;
  color: var(--fahras-muted, var(--_muted));
}
.chip[aria-pressed='true'] {
  font-weight: 700;
  color: var(--fahras-accent-fg, var(--fahras-bg, var(--_bg)));
  background: var(--fahras-accent, var(--_accent));
  border-color: var(--fahras-accent, var(--_accent));
}
.chip[aria-pressed='true']::before { content: '✓' / ''; }
.chip[aria-pressed='true'] .count { color: inherit; }
.chip[aria-pressed='true']:hover { background: var(--fahras-accent, var(--_accent)); }
.more-values { font-size: 0.9em; border-color: transparent; text-decoration: underline; text-underline-offset: 0.2em; }

/* The timeline: time runs left to right in both directions (as in Arabic charts and number
   lines); the arrow keys follow that visual order. */
.timeline-chart {
  display: block;
  inline-size: 100%;
  max-inline-size: 22em;
  block-size: auto;
  overflow: visible;
  direction: ltr;
}
/* (The texts' size is the chart's font-size attribute, set for its width: at least 12 px on
   screen in a narrow panel.) */
.timeline-chart text {
  font-family: inherit;
  fill: var(--fahras-muted, var(--_muted));
  text-anchor: middle;
  pointer-events: none;
}
.timeline-chart .axis { stroke: var(--fahras-border, var(--_border)); stroke-width: 1; }
.bar { cursor: pointer; outline: none; }
.bar-hit { fill: transparent; stroke: none; }
.bar:hover .bar-hit { fill: var(--fahras-hover-bg, var(--_hover-bg)); }
.bar-fill { fill: var(--fahras-accent, var(--_accent)); }
.timeline-chart[data-range] .bar:not([data-overlaps-range]) .bar-fill { fill: var(--fahras-muted, var(--_muted)); opacity: 0.55; }
.bar[aria-pressed='true'] .bar-fill { stroke: var(--fahras-fg, var(--_fg)); stroke-width: 1.5px; }
.timeline-chart text[data-pressed] { font-weight: 700; fill: var(--fahras-fg, var(--_fg)); }
.bar:focus-visible .bar-hit {
  stroke: var(--fahras-focus, var(--_focus));
  stroke-width: 2.5px;
  vector-effect: non-scaling-stroke;
}
.bar.empty-slot { cursor: default; }

.status {
  margin: 0;
  min-block-size: 1.2em;
  font-size: 0.9em;
  color: var(--fahras-muted, var(--_muted));
}
.status:empty { display: none; }
/* The empty-state box says it already; the live region still announces it. (One letter has
   no box: the status itself asks to keep typing.) */
.search[data-state='empty']:not([data-short]) .status {
  position: absolute;
  inline-size: 1px;
  block-size: 1px;
  margin: -1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}
.status .partial, .status .cut { display: block; margin-block-start: 0.15em; }
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
  text-align: center;
  color: var(--fahras-accent, var(--_accent));
  background: transparent;
  border: 1px solid currentColor;
  border-radius: var(--fahras-radius, 0.6em);
  cursor: pointer;
  touch-action: manipulation;
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
  border-radius: var(--fahras-radius, 0.6em);
  overflow: hidden;
}
.option {
  display: block;
  margin: 0;
  padding-block: 0.8em;
  padding-inline: 0.8em;
  /* A result with a URL is an <a>: not the browser's blue underlined link text, and its text
     can be selected (Chromium selects no link text by dragging, but drags the link). */
  color: inherit;
  text-decoration: none;
  -webkit-user-select: text;
  user-select: text;
  -webkit-user-drag: none;
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
  font-size: 1.02em;
  font-weight: 700;
  line-height: 1.45;
  color: var(--fahras-title-fg, var(--fahras-fg, var(--_fg)));
}
.option.has-url .title { color: var(--fahras-link, var(--fahras-title-fg, var(--fahras-fg, var(--_fg)))); }
/* The pointer over a result with a URL: its title underlined, as a link's text is. */
.option.has-url:hover .title { text-decoration: underline; text-underline-offset: 0.2em; }
@container fahras-panel (min-width: 30em) {
  .option { padding-inline: 1em; }
  .title { font-size: 1.08em; }
}
.meta {
  display: flex;
  flex-wrap: wrap;
  column-gap: 0.5em;
  row-gap: 0;
  margin: 0.2em 0 0;
  font-size: 0.875em;
  color: var(--fahras-muted, var(--_muted));
}
.meta:empty { display: none; }
/* The dot between two of them ends the first: on a narrow screen the next one wraps to a line
   of its own without a dot to begin it. */
.meta > span:not(:last-child)::after {
  content: '·';
  margin-inline-start: 0.5em;
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
  border-radius: var(--fahras-radius, 0.6em);
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

/* --- mode="dropdown": the panel floats over the page below the input ----------- */
.root[data-mode='dropdown'] > .search { gap: 0; }
.root[data-mode='dropdown'] > .search > .label { margin-block-end: var(--fahras-gap, 0.75em); }
.root[data-mode='dropdown'] .panel {
  position: absolute;
  /* (#placePanel moves it in when it would overflow the screen.) */
  inset-inline-start: var(--_panel-start, 0);
  inset-block-start: calc(100% + 0.35em);
  z-index: var(--fahras-z-index, 1000);
  /* As wide as the input, and at least 30em or the screen's width less 0.5em each side: an
     input that a phone's header leaves a third of the screen made a panel as narrow. */
  inline-size: var(--fahras-dropdown-width, max(100%, min(100vw - 1em, 30em)));
  max-inline-size: var(--_panel-max, none); /* (set as it opens: the screen's width less 1em) */
  max-block-size: var(--fahras-dropdown-max-height, min(70vh, 36em));
  overflow: hidden;
  padding: 0.75em;
  background: var(--fahras-bg, var(--_bg));
  border: 1px solid var(--fahras-border, var(--_border));
  border-radius: var(--fahras-radius, 0.6em);
  box-shadow: var(--fahras-shadow, var(--_shadow));
  animation: fahras-drop 120ms ease-out;
}
.root[data-mode='dropdown']:not([data-open]) .panel { display: none; }
/* In a floating panel or a dialog the list (the combobox's popup) is what scrolls: the
   status, the suggestion and "show more" stay in view. */
.root[data-mode='dropdown'] .layout, .root[data-mode='dropdown'] .results,
.dialog .layout, .dialog .results { flex: 1 1 auto; min-block-size: 0; }
.root[data-mode='dropdown'] .listbox, .dialog .listbox {
  flex: 0 1 auto;
  min-block-size: 0;
  overflow: auto;
  overscroll-behavior: contain;
}
/* There the facet panel scrolls on its own too: beside the results (wide), or above them. */
.root[data-mode='dropdown'] .facets, .dialog .facets {
  flex: 0 1 auto;
  min-block-size: 0;
  overflow-y: auto;
  overscroll-behavior: contain;
}
/* Above the results (narrow), the closed panel is its Filters row, which never shrinks (it
   was cut in half in a phone-sized dialog); the open panel takes the room, the results wait
   below it (its last button goes back to them). */
.root[data-mode='dropdown'] .facets:not([data-open]), .dialog .facets:not([data-open]) { flex: none; }
.root[data-mode='dropdown'] .facets[data-open], .dialog .facets[data-open] { flex: 1 0 auto; max-block-size: 100%; }
.root[data-mode='dropdown'] .layout:has(> .facets[data-open]) > .results,
.dialog .layout:has(> .facets[data-open]) > .results { flex: 0 1 0; }
@container fahras-panel (min-width: 40em) {
  .root[data-mode='dropdown'] .layout, .dialog .layout { grid-template-rows: minmax(0, 1fr); align-items: stretch; }
  .root[data-mode='dropdown'] .facets, .dialog .facets { max-block-size: 100%; }
}
@keyframes fahras-drop { from { opacity: 0; transform: translateY(-0.3em); } }

/* --- mode="modal": a trigger button on the page, the search in a <dialog> ------- */
.trigger {
  display: flex;
  align-items: center;
  gap: 0.6em;
  inline-size: 100%;
  min-block-size: 2.9em;
  padding-block: 0.55em;
  padding-inline: 0.9em;
  font-size: max(1em, 16px);
  text-align: start;
  color: var(--fahras-muted, var(--_muted));
  background: var(--fahras-bg, var(--_bg));
  border: 1px solid var(--fahras-border, var(--_border));
}
.trigger:hover { border-color: var(--fahras-accent, var(--_accent)); background: var(--fahras-bg, var(--_bg)); }
.trigger .trigger-icon { position: static; flex: none; margin: 0; }
.trigger .trigger-text { flex: 1 1 auto; min-inline-size: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.kbd {
  flex: none;
  min-inline-size: 1.6em;
  padding: 0 0.4em;
  font-family: ui-monospace, "DejaVu Sans Mono", monospace;
  font-size: 0.85em;
  line-height: 1.5;
  text-align: center;
  color: var(--fahras-muted, var(--_muted));
  border: 1px solid var(--fahras-border, var(--_border));
  border-radius: 0.3em;
}
@media (hover: none) { .kbd { display: none; } }

.dialog {
  position: fixed;
  inline-size: min(44em, 100vw - 2em);
  max-inline-size: none;
  max-block-size: min(85vh, 100dvh - 2em);
  margin-block: max(1em, 8vh) auto;
  margin-inline: auto;
  padding: 1em;
  overflow: hidden;
  background: var(--fahras-bg, var(--_bg));
  border: 1px solid var(--fahras-border, var(--_border));
  border-radius: var(--fahras-radius, 0.6em);
  box-shadow: var(--fahras-shadow, var(--_shadow));
}
.dialog[open] { display: flex; flex-direction: column; }
.dialog::backdrop { background: rgb(10 12 16 / 0.55); }
.dialog[open] { animation: fahras-drop 140ms ease-out; }
.dialog > .search {
  display: grid;
  grid-template-columns: minmax(0, 1fr) auto;
  grid-template-areas: "label close" "field field" "panel panel";
  grid-template-rows: auto auto minmax(0, 1fr);
  align-items: center;
  flex: 1 1 auto;
  min-block-size: 0;
}
.dialog .label { grid-area: label; }
.dialog .field { grid-area: field; }
.dialog .panel { grid-area: panel; align-self: stretch; min-block-size: 0; overflow: hidden; padding: 2px; }
.dialog .close { grid-area: close; justify-self: end; display: inline-flex; padding: 0.3em; line-height: 1; color: var(--fahras-muted, var(--_muted)); border-color: transparent; }
.close svg { inline-size: 1.2em; block-size: 1.2em; }
.close path { fill: none; stroke: currentColor; stroke-width: 2.2; stroke-linecap: round; }
/* Narrow screens: the dialog is the whole screen. */
@media (max-width: 36rem) {
  .dialog {
    inline-size: 100%;
    max-inline-size: 100%;
    block-size: 100%;
    max-block-size: 100%;
    margin: 0;
    border: 0;
    border-radius: 0;
  }
}

@media (prefers-reduced-motion: reduce) {
  .spinner { animation: none; border-inline-end-color: currentColor; opacity: 0.6; }
  .option, .facets-toggle .chevron { transition: none; }
  .root[data-mode='dropdown'] .panel, .dialog[open] { animation: none; }
}
@media (forced-colors: active) {
  .option[aria-selected='true'] { outline: 2px solid Highlight; }
  .chip[aria-pressed='true'] { forced-color-adjust: none; color: HighlightText; background: Highlight; border-color: Highlight; }
  .bar-fill { fill: CanvasText; }
  .bar[aria-pressed='true'] .bar-fill, .bar:hover .bar-fill { fill: Highlight; }
  .timeline-chart[data-range] .bar:not([data-overlaps-range]) .bar-fill { fill: GrayText; opacity: 1; }
  .bar:focus-visible .bar-hit { stroke: Highlight; }
  .dialog, .root[data-mode='dropdown'] .panel { border: 1px solid CanvasText; }
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
// DOM helpers
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

function svg(className, shapes) {
  const el = document.createElementNS(SVG_NS, 'svg');
  el.setAttribute('class', className);
  el.setAttribute('viewBox', '0 0 24 24');
  el.setAttribute('aria-hidden', 'true');
  el.setAttribute('focusable', 'false');
  for (const [tag, attrs] of shapes) {
    const shape = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attrs)) shape.setAttribute(name, value);
    el.append(shape);
  }
  return el;
}

function searchIcon(className = 'icon') {
  return svg(className, [
    ['circle', { cx: '10.5', cy: '10.5', r: '6.5' }],
    ['path', { d: 'M15.5 15.5 L21 21' }],
  ]);
}

function closeIcon() {
  return svg('close-icon', [['path', { d: 'M6 6 L18 18 M18 6 L6 18' }]]);
}

function filterIcon() {
  return svg('filter-icon', [['path', { d: 'M4 6 H20 M7 12 H17 M10 18 H14' }]]);
}

function chevronIcon() {
  return svg('chevron', [['path', { d: 'M6 9 L12 15 L18 9' }]]);
}

/** An SVG element with attributes (values are set as attributes, never as styles). */
function svgEl(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  el.append(...children.filter((c) => c != null && c !== false));
  return el;
}

/**
 * Make `container`'s children exactly `nodes`, in order, moving as few as possible: a node
 * that keeps its place is never detached (so it keeps focus).
 */
function syncChildren(container, nodes) {
  const wanted = new Set(nodes);
  for (const child of [...container.children]) if (!wanted.has(child)) child.remove();
  nodes.forEach((node, i) => {
    const at = container.children[i];
    if (at !== node) container.insertBefore(node, at ?? null);
  });
}

/** Every element of the shadow tree a Tab can reach (tabindex ≥ 0, shown, enabled). */
function tabbables(root) {
  return [...root.querySelectorAll('input, button, select, [tabindex]')].filter(
    (el) => el.tabIndex >= 0 && !el.disabled && !el.closest('[hidden]') && isShown(el),
  );
}

/** {facet: [values]} from a Map (facets in name order), and back (values de-duplicated). */
function mapToObject(map) {
  const out = {};
  for (const key of [...map.keys()].sort()) if (map.get(key).length) out[key] = [...map.get(key)];
  return out;
}
function objectToMap(value) {
  const map = new Map();
  if (!value || typeof value !== 'object') return map;
  for (const [facet, values] of Object.entries(value)) {
    const list = [...new Set((Array.isArray(values) ? values : [values]).filter((v) => v != null && v !== '').map(String))];
    if (facet && list.length) map.set(facet, list);
  }
  return map;
}

/** Is `el` a field where typing "/" means a slash (so the shortcut must not fire)? */
function isEditable(el) {
  if (!el || el.nodeType !== 1) return false;
  if (el.isContentEditable) return true;
  const tag = el.localName;
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag !== 'input') return false;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(el.type);
}

function isShown(el) {
  if (!el || el.hidden) return false;
  if (typeof el.checkVisibility === 'function') return el.checkVisibility();
  return el.getClientRects().length > 0;
}

// The element extends HTMLElement where there is one; in a worker (fahras-worker.js imports
// this module for openWasmEngine) it is never defined, and a plain base class keeps the
// module's top level from failing.
const ElementBase = typeof HTMLElement === 'function' ? HTMLElement : class {};

// ---------------------------------------------------------------------------
// The element
// ---------------------------------------------------------------------------

export class FahrasSearch extends ElementBase {
  /**
   * Register the element under `tag` (default 'fahras-search') in `registry` (default the
   * page's customElements). The module registers 'fahras-search' itself; another tag gets
   * a subclass (a constructor can be registered only once), and its events are named after
   * that tag: FahrasSearch.define('news-search') → 'news-search-select'.
   */
  static define(tag = 'fahras-search', registry = customElements) {
    if (registry.get(tag)) return registry.get(tag);
    let ctor = this;
    const taken = typeof registry.getName === 'function' ? registry.getName(this) !== null : false;
    if (taken) ctor = class extends this {};
    try {
      registry.define(tag, ctor);
    } catch (err) {
      if (ctor !== this || err?.name !== 'NotSupportedError') throw err;
      ctor = class extends this {};
      registry.define(tag, ctor);
    }
    return ctor;
  }

  static get observedAttributes() {
    return ['src', 'lang', 'dir', 'placeholder', 'limit', 'label', 'facets', 'url-sync', 'mode', 'worker', 'hit-url'];
  }

  // --- private state -------------------------------------------------------
  #uid = `fahras-${++instanceCount}`;
  #ui = null; // the shadow DOM parts, built once
  #connected = false;
  #abort = null; // AbortController for listeners added in connectedCallback
  #wantEngine = false; // the engine was asked for (lazy loading has started)
  #engineUrl = null; // index URL of the engine we hold a reference to ('' = embedded), null = none
  #engineWorker = false; // … and whether it runs in a worker
  #enginePromise = Promise.resolve(null);
  #engine = null; // the loaded engine adapter, once #enginePromise has resolved
  #loadError = null; // FahrasError from loading the engine/index (cleared by retry or a new src)
  #loadErrorKey = null;
  #searchError = null; // FahrasError from the last search (cleared by the next search)
  #state = 'idle'; // idle | loading | results | empty | error
  #composing = false;
  /** Did the last paste go beyond the field's maxlength (the browser cut it silently)? */
  #cut = false;
  #timer = 0;
  #urlTimer = 0;
  #announceTimer = 0;
  #announced = null; // [text, results] the live region last said
  #seq = 0; // increases with every search; results of older searches are dropped
  #query = '';
  #revealed = false; // the open dropdown was scrolled into view (once per opening)
  #results = null; // the last SearchResults rendered
  #hits = [];
  #active = -1;
  #panelOpen = false; // dropdown mode: is the floating panel showing?
  #returnFocus = null; // modal mode: where focus goes back when the dialog closes
  // Facets, date range, sort: what the reader chose (applied to every search), and the panel.
  #filters = new Map(); // facet → [values]: documents with any of them (all facets must hold)
  #exclude = new Map(); // facet → [values]: documents with one of them are left out
  #dateFrom = ''; // 'YYYY' | 'YYYY-MM' | 'YYYY-MM-DD' | ''
  #dateTo = '';
  #sort = 'relevance';
  #pendingRange = null; // {from, to, invalid}: a reversed range chosen in the selects, not applied
  #facetCounts = null; // the `facets` of the last search (or of the archive, before typing)
  #facetTotals = {}; // its `facetTotals`: how many values each facet has (it lists FACET_LIMIT at most)
  #facetArticles = 0; // how many articles the counts are over (the total of the search they came with)
  #resultsFiltered = false; // were filters chosen for the search whose results are shown?
  #monthsWanted = true; // ask for the months with the next search (the last years counted spanned at most MONTHS_MAX_YEARS)
  #labels = new Map(); // `${facet}|${value}` → {labelAr, labelEn}, for chosen values that lost their count
  #labelsRead = new Set(); // facets whose every label was read (#fetchLabels)
  #years = null; // {min, max}: every year the timeline has seen (for the date selects)
  #facetsOpen = false; // narrow widgets: is the "Filters" disclosure open?
  #expanded = new Set(); // facets showing all their values
  #roving = new Map(); // facet (or 'timeline') → data-key of its Tab stop
  #groups = new Map(); // facet → {fieldset, legend, chips, values: Map(value → button), more}
  #activeEls = new Map(); // data-key → <li> of the chosen-filters summary
  #chartKey = ''; // what the timeline's SVG was built for (unit, periods, locale)
  #bars = []; // [{period, g, hit, fill, value, tick}]
  #press = null; // [x, y] of the last press on the results (a drag that selects text is no click)
  #pressType = ''; // its pointer type: a touch has no double-click to wait for
  #openTimer = 0; // inline: a clicked result, opened unless the click is the first of a double-click
  #draggable = null; // the pressed result's link title, draggable while pressed
  #placement = null; // dropdown: this element's own stylesheet placing its panel (#placePanel)
  #placed = [null, 0]; // … what it says: the panel's greatest width and its offset, in px

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

  /** The facets to show, from the `facets` attribute: ['section', 'year'], ['*'] or []. */
  get facets() {
    return parseFacets(this.getAttribute('facets'));
  }
  set facets(value) {
    if (value == null || value === false) this.removeAttribute('facets');
    else this.setAttribute('facets', Array.isArray(value) ? value.join(',') : String(value));
  }

  /**
   * The chosen facet values, {facet: [values]} (documents with any of a facet's values; every
   * facet must hold). Setting it replaces them and searches; the panel's chips follow.
   */
  get filters() {
    return mapToObject(this.#filters);
  }
  set filters(value) {
    this.#filters = objectToMap(value);
    this.#filtersChanged();
  }

  /** Excluded facet values, {facet: [values]}: documents with any of them are left out. */
  get exclude() {
    return mapToObject(this.#exclude);
  }
  set exclude(value) {
    this.#exclude = objectToMap(value);
    this.#filtersChanged();
  }

  /** Result order: 'relevance' (default; with no query, newest first), 'newest' or 'oldest'. */
  get sort() {
    return this.#sort;
  }
  set sort(value) {
    this.#sort = SORTS.includes(value) ? value : 'relevance';
    this.#filtersChanged();
  }

  /** Start of the date range ('2017', '2017-09' or '2017-09-23', inclusive), or null. */
  get dateFrom() {
    return this.#dateFrom || null;
  }
  set dateFrom(value) {
    this.#dateFrom = isPeriod(value) ? value : '';
    this.#pendingRange = null;
    this.#filtersChanged();
  }

  /** End of the date range (inclusive: '2017' means to the end of 2017), or null. */
  get dateTo() {
    return this.#dateTo || null;
  }
  set dateTo(value) {
    this.#dateTo = isPeriod(value) ? value : '';
    this.#pendingRange = null;
    this.#filtersChanged();
  }

  /** The URL template for results whose record has no url (`hit-url`), or null. */
  get hitUrl() {
    return this.getAttribute('hit-url');
  }
  set hitUrl(value) {
    if (value == null) this.removeAttribute('hit-url');
    else this.setAttribute('hit-url', String(value));
  }

  /** The URL parameter holding the query (`url-sync`), or null when URL sync is off. */
  get urlSync() {
    if (!this.hasAttribute('url-sync')) return null;
    const name = (this.getAttribute('url-sync') || '').trim();
    return name && name !== 'true' ? name : DEFAULT_URL_PARAM;
  }
  set urlSync(value) {
    if (value == null || value === false) this.removeAttribute('url-sync');
    else this.setAttribute('url-sync', value === true ? '' : String(value));
  }

  /** 'inline' | 'dropdown' | 'modal' (anything else is inline). */
  get mode() {
    const mode = (this.getAttribute('mode') || '').toLowerCase();
    return MODES.includes(mode) ? mode : 'inline';
  }
  set mode(value) {
    if (value == null) this.removeAttribute('mode');
    else this.setAttribute('mode', value);
  }

  /** Search in a module Worker instead of the main thread. */
  get worker() {
    return this.hasAttribute('worker') && this.getAttribute('worker') !== 'false';
  }
  set worker(value) {
    this.toggleAttribute('worker', Boolean(value));
  }

  // `lang` and `dir` are HTMLElement's own reflected properties; we observe the attributes.

  /** The UI language: 'ar' or 'en' (from lang on the element or its nearest ancestor, else Arabic). */
  get uiLang() {
    return uiLanguage(this.#langTag || 'ar');
  }

  /** The current query. Setting it searches (and loads the engine if needed). */
  get query() {
    return this.#ui ? this.#ui.input.value : this.#query;
  }
  set query(value) {
    const q = clampQuery(value == null ? '' : String(value));
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

  /** Index statistics from the engine once it is loaded: {formatVersion, documents, terms, bytes, …}. */
  get info() {
    return this.#engine?.info ?? null;
  }

  /** Is the search showing: the dialog (modal), the floating panel (dropdown), the list (inline)? */
  get open() {
    if (!this.#ui) return false;
    const mode = this.mode;
    if (mode === 'modal') return this.#ui.dialog.open;
    if (mode === 'dropdown') return this.#panelOpen;
    return this.#ui.input.getAttribute('aria-expanded') === 'true';
  }

  /** Load the engine now (it is otherwise loaded on first interaction). */
  load() {
    return this.#ensureEngine();
  }

  focus(options) {
    if (this.mode === 'modal' && !this.#ui?.dialog.open) this.#ui?.trigger.focus(options);
    else this.#ui?.input.focus(options);
  }

  /** Open the dialog (modal) or the panel (dropdown) and focus the input. */
  show() {
    if (!this.#ui) return;
    if (this.mode === 'modal') this.#openDialog();
    else {
      this.#ui.input.focus();
      this.#setPanelOpen(true);
    }
  }

  /** Close the dialog (modal), the panel (dropdown) or the list (inline). */
  close() {
    if (!this.#ui) return;
    if (this.mode === 'modal') this.#closeDialog();
    else if (this.mode === 'dropdown') this.#setPanelOpen(false);
    else this.#setOpen(false);
  }

  get #langTag() {
    return this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || '';
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
    const tag = this.#langTag;
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
    this.#applyMode();

    const ac = new AbortController();
    this.#abort = ac;
    const opts = { signal: ac.signal };
    const { input, erase, listbox, suggestion, retry, more, trigger, dialog, close, panel } = this.#ui;
    const wake = () => this.#ensureEngine();
    this.addEventListener('focusin', wake, opts);
    this.addEventListener('pointerdown', wake, opts);
    this.addEventListener('keydown', wake, opts);
    input.addEventListener('input', (e) => this.#onInput(e), opts);
    input.addEventListener('paste', (e) => {
      const pasted = e.clipboardData?.getData('text') ?? '';
      const selected = (input.selectionEnd ?? 0) - (input.selectionStart ?? 0);
      this.#cut = input.value.length - selected + pasted.length > MAX_QUERY_CHARS;
    }, opts);
    input.addEventListener('keydown', (e) => this.#onKeydown(e), opts);
    input.addEventListener('compositionstart', () => (this.#composing = true), opts);
    input.addEventListener('compositionend', () => {
      this.#composing = false;
      this.#scheduleSearch();
    }, opts);
    input.addEventListener('focus', () => {
      if (this.mode === 'dropdown' && input.value.trim()) this.#setPanelOpen(true);
    }, opts);
    // A click in the input brings back the results Escape put away (the focus is already
    // there: no focus event).
    input.addEventListener('click', () => {
      if (!input.value.trim()) return;
      // The dropdown's panel also holds the empty state and its "did you mean".
      if (this.mode === 'dropdown' && (this.#state === 'results' || this.#state === 'empty')) this.#setPanelOpen(true);
      else if (this.mode === 'inline' && this.#state === 'results') this.#setOpen(true);
    }, opts);
    input.addEventListener('blur', () => this.#setActive(-1), opts);
    // Keep focus in the input when an option is pressed (a dropdown's panel would close, a
    // dialog lose its field). Inline, the results are the page's text: the press is the
    // browser's, so that a drag selects a snippet to copy (#onOptionClick opens nothing then).
    // Inline, the second press of a double-click (it selects a word) cancels the first click's
    // opening of the result. Elsewhere a press on a link's title is the browser's too (else it
    // could not begin dragging the link); the focus it gives the result goes back to the input
    // when the press ends (not before: a focus moved during the press stops the drag).
    listbox.addEventListener('mousedown', (e) => {
      if (this.mode === 'inline') {
        if (e.detail > 1) this.#cancelOpen();
      } else if (!e.target.closest?.(LINK_TITLE)) {
        e.preventDefault();
      }
    }, opts);
    const refocus = () => this.mode !== 'inline' && this.shadowRoot.activeElement?.closest('[role="option"]') && input.focus({ preventScroll: true });
    listbox.addEventListener('mouseup', refocus, opts);
    listbox.addEventListener('dragend', refocus, opts);
    // A result's title drags its link (to the bookmarks bar, a tab, another page). It is
    // draggable only while pressed: a draggable element in an option empties the option's
    // name in Chromium's accessibility tree (its name is its content).
    listbox.addEventListener('pointerdown', (e) => {
      this.#press = [e.clientX, e.clientY];
      this.#pressType = e.pointerType;
      this.#dragTitle(e.target.closest?.(LINK_TITLE));
    }, opts);
    listbox.addEventListener('click', (e) => {
      this.#dragTitle(null);
      this.#onOptionClick(e);
    }, opts);
    listbox.addEventListener('dragstart', (e) => this.#onDragStart(e), opts);
    listbox.addEventListener('dragend', () => this.#dragTitle(null), opts);
    // A middle click (no click event for it): on a result's link the browser opens a new tab
    // unless the select event is canceled; on a result without one, the select event.
    listbox.addEventListener('auxclick', (e) => e.button === 1 && this.#onOptionClick(e), opts);
    suggestion.addEventListener('click', () => this.#runSuggestion(), opts);
    // Keep the focus in the input (and the dropdown open) when the clear button is pressed.
    erase.addEventListener('mousedown', (e) => e.preventDefault(), opts);
    erase.addEventListener('click', () => {
      input.value = '';
      this.#cut = false;
      this.#showErase();
      input.focus();
      this.#search();
    }, opts);
    retry.addEventListener('click', () => this.#retry(), opts);
    more.addEventListener('click', () => this.#loadMore(), opts);
    // ArrowLeft/ArrowRight between the panel's buttons, in visual order.
    panel.addEventListener('keydown', (e) => this.#onPanelKeydown(e), opts);
    // The facet panel: chips, timeline bars, "show all", the summary's remove buttons, the selects.
    const { facets } = this.#ui;
    facets.addEventListener('click', (e) => this.#onFacetsClick(e), opts);
    facets.addEventListener('keydown', (e) => this.#onFacetsKeydown(e), opts);
    facets.addEventListener('change', (e) => this.#onFacetsChange(e), opts);
    facets.addEventListener('focusin', (e) => {
      const key = e.target.getAttribute?.('data-key');
      const group = e.target.getAttribute?.('data-group');
      if (key && group) this.#roving.set(group, key);
    }, opts);

    // Dropdown: a press on the panel's text keeps focus where it is (else the panel, losing
    // focus, would close; a link's title may begin a drag, see the listbox's); close it when
    // focus or a pointer goes elsewhere.
    panel.addEventListener('mousedown', (e) => {
      if (this.mode === 'dropdown' && !e.target.closest?.(`button, select, [role="button"], ${LINK_TITLE}`)) e.preventDefault();
    }, opts);
    this.shadowRoot.addEventListener('focusout', (e) => {
      if (this.mode !== 'dropdown') return;
      const next = e.relatedTarget;
      if (!next || !this.shadowRoot.contains(next)) this.#setPanelOpen(false);
    }, opts);
    document.addEventListener('pointerdown', (e) => {
      if (this.mode === 'dropdown' && this.#panelOpen && !e.composedPath().includes(this)) this.#setPanelOpen(false);
    }, opts);
    window.addEventListener('resize', () => this.#placePanel(), opts);

    // Modal: the trigger, the shortcut keys, the dialog's own keys and close.
    trigger.addEventListener('click', () => this.#openDialog(), opts);
    close.addEventListener('click', () => this.#closeDialog(), opts);
    document.addEventListener('keydown', (e) => this.#onDocumentKeydown(e), opts);
    dialog.addEventListener('keydown', (e) => this.#trapFocus(e), opts);
    dialog.addEventListener('close', () => this.#afterDialogClose(), opts);
    // A click on the backdrop closes it: pressed there too, not a press inside (selecting the
    // query's text with the mouse) released beyond the dialog's edge.
    let pressedOutside = false;
    dialog.addEventListener('pointerdown', (e) => (pressedOutside = e.target === dialog && this.#clickOutside(dialog, e)), opts);
    dialog.addEventListener('click', (e) => {
      if (pressedOutside && e.target === dialog && this.#clickOutside(dialog, e)) this.#closeDialog(); // the backdrop
    }, opts);

    // URL state: restore the query from the page URL, and follow back/forward.
    window.addEventListener('popstate', () => {
      this.#facetsOpen = this.#rememberedFacetsOpen();
      if (!this.#restoreFromUrl({ navigated: true })) this.#renderFacets();
    }, opts);

    // A query set through the property before connecting is applied now; an
    // engine held before a disconnect (the element was moved) is re-acquired.
    if (this.#query && !input.value) input.value = this.#query;
    // The timeline's texts keep a readable size when the chart is drawn narrow.
    if (typeof ResizeObserver === 'function') {
      const observer = new ResizeObserver(() => this.#sizeChartText());
      observer.observe(this.#ui.chart);
      ac.signal.addEventListener('abort', () => observer.disconnect());
    }
    // Narrow widgets: a Filters panel left open in this history entry is open again (Back
    // from an article reloads the page on phones that keep no page cache).
    this.#facetsOpen = this.#rememberedFacetsOpen();
    const restored = this.#restoreFromUrl();
    if (!restored && (this.#wantEngine || input.value.trim())) this.#ensureEngine();
    if (!restored) this.#render();
  }

  /**
   * The timeline's text size, in the chart's units: 12, or more when the chart is drawn
   * narrower than its 200 units (a modal's panel), so that its years and counts are at least
   * 12 px on screen (up to 1.4 times: wider labels would run into each other).
   */
  #sizeChartText() {
    const svg = this.#ui?.chart.firstElementChild;
    const width = svg?.getBoundingClientRect().width;
    if (!width) return;
    const size = String(Math.round(12 * Math.min(1.4, Math.max(1, CHART_UNITS / width)) * 10) / 10);
    if (svg.getAttribute('font-size') !== size) svg.setAttribute('font-size', size);
  }

  disconnectedCallback() {
    this.#connected = false;
    this.#abort?.abort();
    this.#abort = null;
    clearTimeout(this.#timer);
    clearTimeout(this.#announceTimer);
    this.#cancelOpen();
    if (this.#urlTimer) this.#writeUrl();
    this.#seq++; // drop in-flight results
    if (this.#ui?.dialog.open) this.#ui.dialog.close();
    this.#dropEngine();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.#ui) return;
    if (name === 'src' || name === 'worker') {
      // Switch index or thread: drop the old engine (and what is still coming from it: a
      // search, facet counts, labels); load the new one if we had started loading.
      this.#seq++;
      this.#dropEngine();
      this.#loadError = null;
      this.#results = null;
      this.#hits = [];
      this.#state = 'idle';
      if (this.#connected && (this.#wantEngine || this.#ui.input.value.trim())) this.#ensureEngine();
      else this.#render();
      return;
    }
    if (name === 'limit') {
      if (this.#engine && this.#ui.input.value.trim()) this.#scheduleSearch(0);
      return;
    }
    if (name === 'mode') {
      if (this.#ui.dialog.open) this.#ui.dialog.close();
      this.#panelOpen = false;
      this.#applyMode();
      this.#render();
      return;
    }
    if (name === 'url-sync') {
      if (this.#connected) this.#restoreFromUrl();
      return;
    }
    if (name === 'hit-url') {
      this.#render(); // the results' links
      return;
    }
    if (name === 'facets') {
      // Ask for the newly chosen facets (and show what we have meanwhile).
      this.#renderFacets();
      if (this.#engine) this.#scheduleSearch(0);
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
      maxlength: String(MAX_QUERY_CHARS),
    });
    const label = h('label', { class: 'label', part: 'label', for: `${id}-input`, id: `${id}-label` });
    // The widget's own clear button: Chromium and Safari draw one in a search field,
    // Firefox none. Out of the Tab order like theirs (Escape clears from the keyboard).
    const erase = h('button', { type: 'button', class: 'erase', part: 'erase', tabindex: '-1', hidden: true }, closeIcon());
    const field = h('div', { class: 'field', part: 'field' }, input, searchIcon(), erase);
    // The status line on screen (the input's description), and the live region that says it
    // once the reader pauses (#announce): a region rewritten at each keystroke was read at
    // each keystroke («٥ نتائج»، «٥ نتائج»، …). Never display:none, so that it is always
    // there to be heard (a region that appears with its text is often not read).
    const status = h('p', { class: 'status', part: 'status', id: `${id}-status` });
    const announcer = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    const suggestion = h('button', { type: 'button', class: 'suggestion', part: 'suggestion', 'data-nav': '' });
    const suggestLead = h('span', {});
    const suggest = h('p', { class: 'suggest', part: 'suggest', hidden: true }, suggestLead, suggestion);
    // tabindex -1: when it scrolls (dropdown, dialog) Chrome would otherwise make the list a
    // Tab stop of its own; the combobox pattern moves through it from the input.
    // (A div: its options are links, which a list's items could not be.)
    const listbox = h('div', { class: 'listbox', part: 'listbox', id: `${id}-listbox`, role: 'listbox', tabindex: '-1', hidden: true });
    const emptyTitle = h('p', { class: 'message' });
    const emptyHint = h('p', { class: 'hint' });
    const empty = h('div', { class: 'empty', part: 'empty', hidden: true }, emptyTitle, emptyHint);
    const errorMessage = h('p', { class: 'message' });
    const errorDetail = h('p', { class: 'detail', dir: 'auto' });
    const retry = h('button', { type: 'button', class: 'retry', part: 'retry', 'data-nav': '' });
    const error = h('div', { class: 'error', part: 'error', role: 'alert', hidden: true }, errorMessage, errorDetail, retry);
    const more = h('button', { type: 'button', class: 'more', part: 'more', 'data-nav': '', hidden: true });
    // The facet panel: before the results (above them on narrow widgets, behind the "Filters"
    // button; beside them, at the inline start, on wide ones). Its static parts are built here;
    // #renderFacets fills in the values, the timeline and the chosen filters.
    const facetsBadge = h('span', { class: 'badge' });
    const facetsToggleText = h('span', {});
    const facetsToggle = h(
      'button',
      { type: 'button', class: 'facets-toggle', part: 'facets-toggle', 'data-action': 'toggle', 'aria-expanded': 'false', 'aria-controls': `${id}-facets-body` },
      filterIcon(),
      facetsToggleText,
      facetsBadge,
      chevronIcon(),
    );
    const activeList = h('ul', { class: 'active-list', part: 'active-filters' });
    const clear = h('button', { type: 'button', class: 'clear', part: 'clear', 'data-action': 'clear' });
    const active = h('div', { class: 'active', hidden: true }, activeList, clear);
    const facetsHead = h('div', { class: 'facets-head' }, facetsToggle, active);
    const sortSelect = h('select', { id: `${id}-sort`, class: 'sort', part: 'sort', 'data-key': 'sort' });
    for (const value of SORTS) sortSelect.append(h('option', { value }));
    const sortLabel = h('span', {});
    const sortRow = h('div', { class: 'sort-row' }, h('label', { class: 'field-label', for: `${id}-sort` }, sortLabel, sortSelect));
    const timelineTitle = h('p', { class: 'facet-title', id: `${id}-timeline-title` });
    const chart = h('div', { class: 'chart' });
    // The table for screen readers is hidden by a wrapper: on the table itself, Firefox
    // draws its <caption> outside the clipped box (the caption belongs to the table's
    // wrapper box), over the date range below.
    const timelineTable = h('table', {});
    const timelineNote = h('p', { class: 'timeline-note', part: 'timeline-note', hidden: true });
    const fromSelect = h('select', { id: `${id}-from`, class: 'date-from', part: 'date-from', 'data-key': 'from', 'aria-describedby': `${id}-range-error` });
    const toSelect = h('select', { id: `${id}-to`, class: 'date-to', part: 'date-to', 'data-key': 'to', 'aria-describedby': `${id}-range-error` });
    const fromLabel = h('span', {});
    const toLabel = h('span', {});
    const dateLegend = h('legend', {});
    const rangeError = h('p', { class: 'range-error', id: `${id}-range-error`, 'aria-live': 'polite' });
    const dateRange = h(
      'fieldset',
      { class: 'date-range', part: 'date-range' },
      dateLegend,
      h(
        'div',
        { class: 'fields' },
        h('label', { class: 'field-label', for: `${id}-from` }, fromLabel, fromSelect),
        h('label', { class: 'field-label', for: `${id}-to` }, toLabel, toSelect),
      ),
      rangeError,
    );
    const timeline = h('div', { class: 'timeline', part: 'timeline', role: 'group', 'aria-labelledby': `${id}-timeline-title` }, timelineTitle, chart, timelineNote, h('div', { class: 'visually-hidden' }, timelineTable), dateRange);
    // Narrow widgets: the open panel ends with a way back to the results below it.
    const facetsDone = h('button', { type: 'button', class: 'facets-done', part: 'facets-done', 'data-action': 'done', 'data-key': 'done' });
    const facetsBody = h('div', { class: 'facets-body', id: `${id}-facets-body` }, sortRow, timeline);
    const facets = h('div', { class: 'facets', part: 'facets', role: 'group', hidden: true }, facetsHead, facetsBody);
    const results = h('div', { class: 'results', part: 'results' }, error, empty, listbox, more);
    const layout = h('div', { class: 'layout' }, facets, results);
    // "Did you mean" right under the status, before the facet panel: the next Tab stop after
    // the input, not the last one after every filter.
    const panel = h('div', { class: 'panel', part: 'panel', id: `${id}-panel` }, status, announcer, suggest, layout);
    const close = h('button', { type: 'button', class: 'close', part: 'close', hidden: true }, closeIcon());
    const search = h('div', { class: 'search', part: 'search' }, label, field, panel, close);
    // Modal mode: a button on the page opens a <dialog> that holds the search.
    const triggerText = h('span', { class: 'trigger-text' });
    const kbd = h('kbd', { class: 'kbd', 'aria-hidden': 'true' }, '/');
    const trigger = h(
      'button',
      { type: 'button', class: 'trigger', part: 'trigger', 'aria-haspopup': 'dialog', 'aria-keyshortcuts': '/ Control+K Meta+K', hidden: true },
      searchIcon('icon trigger-icon'),
      triggerText,
      kbd,
    );
    const dialog = h('dialog', { class: 'dialog', part: 'dialog', 'aria-labelledby': `${id}-label` });
    const root = h('div', { class: 'root', part: 'base' }, trigger, search, dialog);
    this.shadowRoot.append(root);
    this.#ui = {
      root, search, label, input, erase, status, announcer, suggest, suggestLead, suggestion, listbox, empty, emptyTitle, emptyHint,
      error, errorMessage, errorDetail, retry, more, facets, results, panel, close, trigger, triggerText, dialog,
      facetsToggle, facetsToggleText, facetsBadge, active, activeList, clear, facetsBody, facetsDone, sortRow, sortSelect, sortLabel,
      timeline, timelineTitle, chart, timelineNote, timelineTable, dateRange, dateLegend, fromSelect, toSelect, fromLabel, toLabel, rangeError,
    };
  }

  /** Copy attributes (and the UI language's defaults) onto the shadow DOM. */
  #applyAttributes() {
    const ui = this.#ui;
    const s = this.#strings;
    const dir = this.getAttribute('dir');
    ui.root.setAttribute('dir', dir === 'ltr' || dir === 'rtl' || dir === 'auto' ? dir : s.dir);
    ui.root.setAttribute('lang', this.uiLang);
    ui.label.textContent = this.label;
    ui.input.placeholder = this.placeholder;
    ui.listbox.setAttribute('aria-label', s.listLabel);
    ui.facets.setAttribute('aria-label', s.facetsLabel);
    ui.facetsToggleText.textContent = s.filters;
    ui.activeList.setAttribute('aria-label', s.activeFilters);
    ui.clear.textContent = s.clearFilters;
    // Named by its tooltip alone: as aria-label and title, the same words were read twice,
    // as its name and again as its description.
    ui.erase.title = s.clearQuery;
    ui.sortLabel.textContent = s.sort;
    for (const option of ui.sortSelect.options) option.textContent = s.sorts[option.value];
    ui.timelineTitle.textContent = s.timeline;
    ui.dateLegend.textContent = s.dateRange;
    ui.fromLabel.textContent = s.dateFrom;
    ui.toLabel.textContent = s.dateTo;
    ui.suggestLead.textContent = s.suggestion;
    ui.retry.textContent = s.retry;
    ui.more.textContent = s.more;
    ui.close.setAttribute('aria-label', s.close);
    ui.triggerText.textContent = this.label;
  }

  /** Put the search where the mode wants it: in the root (inline, dropdown) or the dialog (modal). */
  #applyMode() {
    const ui = this.#ui;
    const mode = this.mode;
    ui.root.setAttribute('data-mode', mode);
    const modal = mode === 'modal';
    ui.trigger.hidden = !modal;
    ui.close.hidden = !modal;
    const home = modal ? ui.dialog : ui.root;
    if (ui.search.parentNode !== home) home.append(ui.search);
    this.#syncPanel();
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
   * Acquire the engine for the current `src` and thread (once). Resolves to the engine, or
   * to null on failure (the error state shows why). After a failure it does not
   * try again by itself — only the "try again" button (retry) or a new `src` do.
   */
  #ensureEngine({ retry = false } = {}) {
    if (!this.#connected) return Promise.resolve(null);
    this.#wantEngine = true;
    const url = this.#indexUrl;
    const inWorker = this.worker;
    const key = engineKey(url, inWorker);
    if (this.#engineUrl === url && this.#engineWorker === inWorker) return this.#enginePromise;
    if (this.#loadError && this.#loadErrorKey === key && !retry) return Promise.resolve(null);
    this.#dropEngine();
    this.#engineUrl = url;
    this.#engineWorker = inWorker;
    this.#loadError = null;
    if (this.#state === 'idle' || this.#state === 'error') this.#setState('loading');
    const current = () => this.#engineUrl === url && this.#engineWorker === inWorker;
    const promise = acquireEngine(url, inWorker).then(
      (engine) => {
        if (!current()) return null; // src changed or disconnected meanwhile
        this.#engine = engine;
        if (this.#ui.input.value.trim() || this.#hasFilters()) {
          this.#search();
        } else {
          if (this.#state === 'loading') this.#setState('idle');
          this.#refreshFacets(this.#seq); // the archive's facets, before anything is typed
        }
        return engine;
      },
      (err) => {
        if (!current()) return null;
        // The cache has forgotten the failed entry already; so do we.
        this.#engineUrl = null;
        this.#enginePromise = Promise.resolve(null);
        this.#loadError = err instanceof FahrasError ? err : new FahrasError('wasm', messageOf(err));
        this.#loadErrorKey = key;
        this.#setState('error');
        return null;
      },
    );
    this.#enginePromise = promise;
    return promise;
  }

  /** Release our reference to the engine (it is freed once nobody uses it). */
  #dropEngine() {
    if (this.#engineUrl !== null) releaseEngine(this.#engineUrl, this.#engineWorker);
    this.#engineUrl = null;
    this.#engine = null;
    // Labels are the index's: another index reads its own.
    this.#labels.clear();
    this.#labelsRead.clear();
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
    if (event.inputType !== 'insertFromPaste') this.#cut = false;
    this.#showErase();
    this.#setActive(-1);
    if (this.mode === 'dropdown') this.#setPanelOpen(true);
    this.#scheduleSearch();
  }

  /**
   * The clear button shows while the input has text; the text runs in the direction of its
   * first letter (an Arabic query in an English widget starts at the right; empty, the
   * widget's direction, for the placeholder). A field name before it is not that letter:
   * «title:داعش» is an Arabic query, written from the right (it was left to right, the
   * caret jumping to the other end of an Arabic widget's field at the first Arabic letter).
   */
  #showErase() {
    const input = this.#ui.input;
    this.#ui.erase.hidden = !input.value;
    const dir = textDirection(input.value.replace(/^[\s"«-]*[a-z]+:/i, '')) || textDirection(input.value);
    if (input.getAttribute('dir') !== dir) {
      if (dir) input.setAttribute('dir', dir);
      else input.removeAttribute('dir');
    }
  }

  #scheduleSearch(delay = SEARCH_DELAY_MS) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#search(), delay);
  }

  /**
   * Search for the whole current query with the chosen filters, date range and sort; stale
   * results (an older search) are dropped. An empty query with filters lists the filtered
   * archive; an empty query without any is the idle state (the panel then shows the facets of
   * the whole archive).
   */
  async #search() {
    clearTimeout(this.#timer);
    const query = this.#ui.input.value;
    this.#query = query;
    this.#showErase();
    const seq = ++this.#seq;
    this.#searchError = null;
    this.#forgetUnknownFacets();
    const chosen = this.#filterDetail();
    if (!query.trim() && !this.#hasFilters()) {
      this.#results = null;
      this.#hits = [];
      const loading = this.#engineUrl !== null && !this.#engine;
      this.#setState(this.#loadError ? 'error' : loading ? 'loading' : 'idle');
      this.#dispatch('query', { query, ...chosen });
      this.#scheduleUrlWrite();
      this.#refreshFacets(seq);
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
    this.#dispatch('query', { query, ...chosen });
    let results;
    const options = this.#searchOptions();
    try {
      results = await engine.search(query, options, this.#uid);
      if (results?.facets && typeof results.facets === 'object') await this.#withMonths(engine, query, options, results);
    } catch (err) {
      if (seq === this.#seq) this.#showError(err);
      return;
    }
    if (results == null || seq !== this.#seq || query !== this.#ui.input.value) return; // stale: a newer search has run
    this.#results = results;
    this.#resultsFiltered = this.#hasFilters();
    this.#hits = Array.isArray(results?.hits) ? results.hits.slice() : [];
    this.#active = -1;
    if (results?.facets && typeof results.facets === 'object') {
      this.#setFacetCounts(results.facets, results.facetTotals, results.total);
      // A facet expanded while the search ran: its values beyond FACET_TOP.
      if ((options.facetLimit ?? FACET_LIMIT) < this.#facetLimit()) this.#fetchExpanded();
    }
    this.#setState(this.#hits.length ? 'results' : 'empty');
    this.#dispatch('results', {
      query,
      total: results?.total ?? this.#hits.length,
      hits: this.#hits,
      partial: Boolean(results?.partial),
      suggestion: results?.suggestion ?? null,
      ...chosen,
      facets: results?.facets ?? null,
    });
    this.#scheduleUrlWrite();
  }

  /** Once the index is known: drop chosen values of facets it does not have (from a stale URL). */
  #forgetUnknownFacets() {
    const known = this.info?.facets;
    if (!Array.isArray(known)) return;
    for (const map of [this.#filters, this.#exclude]) for (const facet of [...map.keys()]) if (!known.includes(facet)) map.delete(facet);
  }

  /** The engine options for the current filters, date range and sort (and facets to count). */
  #searchOptions({ offset = 0, facets = true } = {}) {
    const options = { limit: this.limit, offset };
    const known = this.info?.facets;
    // An engine without facets (an older build) knows none of these options.
    if (!Array.isArray(known)) return options;
    const pick = (map) => {
      const out = {};
      for (const [facet, values] of map) if (values.length && known.includes(facet)) out[facet] = [...values];
      return Object.keys(out).length ? out : null;
    };
    const filters = pick(this.#filters);
    const exclude = pick(this.#exclude);
    if (filters) options.filters = filters;
    if (exclude) options.exclude = exclude;
    const range = this.#appliedRange();
    if (range.from) options.dateFrom = range.from;
    if (range.to) options.dateTo = range.to;
    if (this.#sort !== 'relevance') options.sort = this.#sort;
    if (facets) {
      const names = this.#facetRequest();
      if (names.length) Object.assign(options, { facets: names, facetLimit: this.#facetLimit() });
    }
    return options;
  }

  /** The date range as sent to the engine: a reversed one is not sent. */
  #appliedRange() {
    const from = isPeriod(this.#dateFrom) ? this.#dateFrom : '';
    const to = isPeriod(this.#dateTo) ? this.#dateTo : '';
    if (from && to && periodBounds(from).start > periodBounds(to).end) return { from: '', to: '' };
    return { from, to };
  }

  /** Filters, date range and sort, as the events and the URL carry them. */
  #filterDetail() {
    const range = this.#appliedRange();
    return { filters: this.filters, exclude: this.exclude, dateFrom: range.from || null, dateTo: range.to || null, sort: this.#sort };
  }

  /** Does anything narrow the archive (a facet value, an exclusion, a date range)? */
  #hasFilters() {
    return this.#filterCount() > 0;
  }

  #filterCount() {
    let n = 0;
    for (const values of this.#filters.values()) n += values.length;
    for (const values of this.#exclude.values()) n += values.length;
    const range = this.#appliedRange();
    if (range.from || range.to) n++;
    return n;
  }

  /** Filters, range or sort changed (from the panel or a property): show it, search again. */
  #filtersChanged() {
    if (!this.#ui) return;
    this.#renderFacets(); // the pressed state at once; the counts follow with the results
    this.#scheduleSearch(0);
  }

  /** Idle (nothing typed, nothing chosen): count the facets over the whole archive. */
  async #refreshFacets(seq) {
    const engine = this.#engine;
    const names = this.#facetRequest();
    if (!engine || !names.length) {
      this.#renderFacets();
      return;
    }
    let results;
    const options = { limit: 1, facets: names, facetLimit: this.#facetLimit() };
    try {
      results = await engine.search('', options, this.#uid);
      if (results?.facets && typeof results.facets === 'object') await this.#withMonths(engine, '', options, results);
    } catch {
      return; // the panel is a help; the search itself reports errors
    }
    if (!results || seq !== this.#seq) return;
    // (The archive's counts, before anything is typed: over every article. An empty query
    // returns no hits, and its total says so.)
    this.#setFacetCounts(results.facets ?? {}, results.facetTotals, this.info?.documents ?? results.total);
    if (options.facetLimit < this.#facetLimit()) this.#fetchExpanded();
    this.#renderFacets();
  }

  /** Append the next page of hits ("show more"). */
  async #loadMore() {
    const engine = this.#engine;
    const results = this.#results;
    if (!engine || !results) return;
    const seq = this.#seq;
    const query = results.query ?? this.#ui.input.value;
    const chosen = this.#filterDetail();
    let next;
    try {
      next = await engine.search(query, this.#searchOptions({ offset: this.#hits.length, facets: false }), `${this.#uid}:more`);
    } catch (err) {
      if (seq === this.#seq) this.#showError(err);
      return;
    }
    if (next == null || seq !== this.#seq || results !== this.#results) return;
    const firstNew = this.#hits.length;
    this.#hits.push(...(next?.hits ?? []));
    this.#render();
    if (this.#hits.length > firstNew) this.#setActive(firstNew);
    this.#ui.input.focus();
    this.#dispatch('results', { query, total: results.total, hits: this.#hits, partial: Boolean(results.partial), suggestion: results.suggestion ?? null, ...chosen, facets: results.facets ?? null });
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

  // --- URL state ----------------------------------------------------------------

  /**
   * With url-sync, take the query, filters, date range and sort from the page URL (on connect,
   * and after a history navigation, where a URL without our parameters clears them). True when
   * it changed something (and searched).
   */
  #restoreFromUrl({ navigated = false } = {}) {
    const name = this.urlSync;
    if (!name || !this.#ui) return false;
    const url = readUrlState(window.location.search, name);
    if (!url.present && !navigated) return false;
    const input = this.#ui.input;
    const next = {
      query: clampQuery(url.query ?? (navigated ? '' : input.value)),
      sort: url.sort ?? 'relevance',
      from: url.dateFrom ?? '',
      to: url.dateTo ?? '',
      filters: mapToObject(objectToMap(url.filters)),
      exclude: mapToObject(objectToMap(url.exclude)),
    };
    // A reversed range (hand-edited URL) is dropped rather than refused by the engine.
    if (next.from && next.to && periodBounds(next.from).start > periodBounds(next.to).end) next.from = next.to = '';
    const current = { query: input.value, sort: this.#sort, from: this.#dateFrom, to: this.#dateTo, filters: this.filters, exclude: this.exclude };
    if (JSON.stringify(next) === JSON.stringify(current)) return false;
    input.value = next.query;
    this.#sort = next.sort;
    this.#dateFrom = next.from;
    this.#dateTo = next.to;
    this.#pendingRange = null;
    this.#filters = objectToMap(next.filters);
    this.#exclude = objectToMap(next.exclude);
    this.#search();
    if (next.query.trim() || this.#hasFilters()) {
      if (this.mode === 'modal') this.#openDialog({ returnTo: null });
      else if (this.mode === 'dropdown') this.#setPanelOpen(true);
    }
    return true;
  }

  /** This widget's key in `history.state` (only with URL sync: the URL names the widget). */
  #historyKey() {
    const name = this.urlSync;
    return name ? `fahras:${name}:filters-open` : null;
  }

  /** Was the Filters panel open when this history entry was left? */
  #rememberedFacetsOpen() {
    const key = this.#historyKey();
    const state = history.state;
    return Boolean(key && state && typeof state === 'object' && state[key] === true);
  }

  /**
   * Keep the Filters panel's state in this history entry (no new entry). A page's own
   * `history.state` that is not a plain object (a router's string, say) is left alone.
   */
  #rememberFacetsOpen() {
    const key = this.#historyKey();
    if (!key) return;
    const state = history.state ?? {};
    if (typeof state !== 'object' || Array.isArray(state) || (state[key] === true) === this.#facetsOpen) return;
    const next = { ...state };
    if (this.#facetsOpen) next[key] = true;
    else delete next[key];
    try {
      history.replaceState(next, '');
    } catch {
      // rate-limited or sandboxed: remembering the panel is a convenience, never an error
    }
  }

  #scheduleUrlWrite() {
    if (!this.urlSync) return;
    clearTimeout(this.#urlTimer);
    this.#urlTimer = setTimeout(() => this.#writeUrl(), URL_WRITE_DELAY_MS);
  }

  /** Write the query into the page URL (history.replaceState: no new history entry). */
  #writeUrl() {
    clearTimeout(this.#urlTimer);
    this.#urlTimer = 0;
    const name = this.urlSync;
    if (!name || !this.#ui) return;
    // A modal's search is in the URL while its dialog is open (a shared link reopens it).
    const showing = this.mode !== 'modal' || this.#ui.dialog.open;
    const entries = [];
    if (showing) {
      // In this order: q, q.f.*, q.x.*, q.from, q.to, q.sort (empty ones are left out).
      entries.push([name, this.#ui.input.value.trim() ? this.#ui.input.value : '']);
      for (const [facet, values] of Object.entries(this.filters)) for (const v of values) entries.push([`${name}.f.${facet}`, v]);
      for (const [facet, values] of Object.entries(this.exclude)) for (const v of values) entries.push([`${name}.x.${facet}`, v]);
      const range = this.#appliedRange();
      entries.push([`${name}.from`, range.from], [`${name}.to`, range.to]);
      if (this.#sort !== 'relevance') entries.push([`${name}.sort`, this.#sort]);
    }
    const { pathname, search, hash } = window.location;
    const nextSearch = replaceUrlParams(search, name, entries);
    if (nextSearch === search) return;
    try {
      history.replaceState(history.state, '', pathname + nextSearch + hash);
    } catch {
      // rate-limited or sandboxed: the URL is a convenience, never an error
    }
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
        if (this.mode === 'dropdown' && !this.#panelOpen && this.#ui.input.value.trim()) {
          event.preventDefault();
          this.#setPanelOpen(true);
          if (!count) return;
        }
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
          if (this.mode === 'dropdown') this.#setPanelOpen(true);
          this.#search();
        }
        return;
      case 'Escape':
        // Modal: Escape closes the dialog (and not the browser's own "clear search field").
        if (this.mode === 'modal') {
          event.preventDefault();
          this.#closeDialog();
          return;
        }
        // Dropdown: 1st closes the panel (dropping the active option), 2nd clears the input.
        // Inline, the results are the page's content, not a popup (hiding the list alone left
        // its count, facets and timeline behind): 1st drops the active option, if any, back
        // to the input; then Escape clears the input. preventDefault also stops the browser's
        // own "clear search field".
        if (this.mode === 'dropdown' && open) {
          event.preventDefault();
          this.#setPanelOpen(false);
        } else if (this.mode !== 'dropdown' && this.#active >= 0) {
          event.preventDefault();
          this.#setActive(-1);
        } else if (this.#ui.input.value) {
          event.preventDefault();
          this.#ui.input.value = '';
          this.#search();
        }
        return;
      default:
    }
  }

  /**
   * ArrowLeft/ArrowRight on the panel's buttons (did-you-mean, show more, try again, and
   * later facet chips) move focus to the previous/next one in visual order: in RTL the
   * next one is to the left, so ArrowLeft moves forward.
   */
  #onPanelKeydown(event) {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.composedPath()[0];
    if (!target?.hasAttribute?.('data-nav')) return;
    const items = [...this.#ui.panel.querySelectorAll('[data-nav]')].filter(isShown);
    const index = items.indexOf(target);
    if (index < 0) return;
    const rtl = getComputedStyle(target).direction === 'rtl';
    const forward = (event.key === 'ArrowRight') !== rtl;
    event.preventDefault();
    items[index + (forward ? 1 : -1)]?.focus(); // no wrapping: the ends stay put
  }

  #onOptionClick(event) {
    const option = event.target.closest?.('[role="option"]');
    if (!option || !this.#ui.listbox.contains(option)) return;
    const index = Number(option.dataset.index);
    if (!Number.isInteger(index)) return;
    if (event.type === 'click' && this.#selectedByDrag(event)) {
      event.preventDefault(); // nor does the browser follow the link
      return;
    }
    if (this.#waitsForDoubleClick(event)) {
      // The widget opens it, a moment later, unless the mouse presses again (a double- or
      // triple-click selects a word or a line: the clicks after the first open nothing).
      event.preventDefault();
      if (event.detail !== 1) return;
      const hit = this.#hits[index];
      this.#cancelOpen();
      this.#openTimer = setTimeout(() => {
        this.#openTimer = 0;
        if (this.#hits[index] !== hit) return; // the results changed meanwhile
        this.#setActive(index);
        this.#activate(index, event);
      }, DOUBLE_CLICK_MS);
      return;
    }
    this.#setActive(index);
    // A click on a result's link: the browser follows it (in this tab, or in a new one for a
    // middle or Ctrl+click), unless the select event is canceled.
    this.#activate(index, event, option.localName === 'a' && option.hasAttribute('href'));
  }

  /**
   * Inline: is this a plain click of the mouse's main button (not a touch, which has no
   * double-click; not a click with a key held, which opens a tab or downloads at once) on
   * text that a double-click selects? A result's link title is no such text: it drags the
   * link (a press on it selects nothing), and a click on it opens the result at once, as a
   * link's does.
   */
  #waitsForDoubleClick(event) {
    if (this.mode !== 'inline' || event.type !== 'click' || event.button !== 0 || event.detail < 1) return false;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return false;
    if (event.target.closest?.(LINK_TITLE)) return false;
    return (event.pointerType || this.#pressType) === 'mouse';
  }

  #cancelOpen() {
    clearTimeout(this.#openTimer);
    this.#openTimer = 0;
  }

  /** Makes `title` (a result's link title, or none) the one draggable title. */
  #dragTitle(title) {
    if (this.#draggable && this.#draggable !== title) this.#draggable.removeAttribute('draggable');
    this.#draggable = title ?? null;
    title?.setAttribute('draggable', 'true');
  }

  /**
   * A drag from a result's title carries its link, as a link's would: its URL (the bookmarks
   * bar, the tab strip, the address bar, a text field) and, for Firefox, its title. The rest
   * of a result is text: a drag there selects it.
   */
  #onDragStart(event) {
    const title = event.target;
    if (!title?.matches?.('.title[draggable="true"]')) return;
    const option = title.closest('a[href][role="option"]');
    if (!option || !event.dataTransfer) return;
    const url = option.href; // absolute
    event.dataTransfer.setData('text/uri-list', url);
    event.dataTransfer.setData('text/plain', url);
    event.dataTransfer.setData('text/x-moz-url', `${url}\n${title.textContent}`);
    event.dataTransfer.effectAllowed = 'copyLink';
  }

  /**
   * Inline: did the press that ends in this click drag over the text and select some (a
   * snippet to copy)? That is no click to open the result; a click that does not move still
   * opens it (even on a selection, which it clears).
   */
  #selectedByDrag(event) {
    if (this.mode !== 'inline' || !this.#press) return false;
    const [x, y] = this.#press;
    if (Math.hypot(event.clientX - x, event.clientY - y) < 4) return false;
    const selection = this.shadowRoot.getSelection?.() ?? document.getSelection();
    return String(selection ?? '').trim() !== '';
  }

  /**
   * Dispatch the cancelable select event; follow the hit's URL unless canceled: by letting the
   * browser follow the link that was clicked (`link`), or by going to it (a key, a click on a
   * result without a link).
   */
  #activate(index, event, link = false) {
    const hit = this.#hits[index];
    if (!hit) return;
    if (this.#urlTimer) this.#writeUrl(); // the URL the reader comes back to holds the search
    const proceed = this.#dispatch('select', { hit, query: this.#ui.input.value }, true);
    if (!proceed) {
      if (link) event.preventDefault(); // the site handles it: the browser does not follow the link
      return;
    }
    if (link) return;
    const url = hitUrl(hit, this.getAttribute('hit-url'));
    if (!url) return;
    if (event && (event.ctrlKey || event.metaKey || event.shiftKey || event.button === 1)) {
      window.open(url, '_blank', 'noopener');
    } else {
      window.location.assign(url);
    }
  }

  /** Modal mode: "/" (outside text fields) and Ctrl+K / ⌘K open the dialog. */
  #onDocumentKeydown(event) {
    if (this.mode !== 'modal' || event.defaultPrevented || event.isComposing) return;
    const dialog = this.#ui.dialog;
    const isK = event.key === 'k' || event.key === 'K' || event.code === 'KeyK';
    const shortcutK = isK && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
    const slash = (event.key === '/' || event.code === 'Slash' || event.code === 'NumpadDivide') &&
      !event.ctrlKey && !event.metaKey && !event.altKey && !isEditable(event.composedPath()[0]);
    if (!shortcutK && !slash) return;
    if (dialog.open) {
      if (shortcutK) {
        event.preventDefault();
        this.#ui.input.focus();
        this.#ui.input.select();
      }
      return;
    }
    event.preventDefault();
    this.#openDialog();
  }

  #openDialog({ returnTo } = {}) {
    const { dialog, input, trigger } = this.#ui;
    if (dialog.open || !this.isConnected) return;
    // Where focus goes back to: what had it (a page element, or our trigger), else the trigger.
    const active = returnTo !== undefined ? returnTo : document.activeElement;
    this.#returnFocus = active && active !== document.body && active !== this ? active : trigger;
    this.#ensureEngine();
    try {
      dialog.showModal();
    } catch {
      dialog.setAttribute('open', ''); // no showModal (very old browsers): a plain dialog
    }
    this.#syncPanel();
    input.focus();
    input.select();
    this.#scheduleUrlWrite();
  }

  #closeDialog() {
    if (!this.#ui.dialog.open) return;
    this.#ui.dialog.close();
    this.#afterDialogClose(); // now, not when the (queued) close event arrives
  }

  /** Return focus after the dialog closed (by us, or natively: Escape on a button). Runs once. */
  #afterDialogClose() {
    if (this.#ui.dialog.open || !this.#returnFocus) return; // reopened meanwhile, or done already
    const target = this.#returnFocus.isConnected ? this.#returnFocus : this.#ui.trigger;
    this.#returnFocus = null;
    this.#setActive(-1);
    this.#syncPanel();
    this.#writeUrl();
    target.focus?.();
  }

  /** Was the click outside the dialog's box (on its ::backdrop)? */
  #clickOutside(dialog, event) {
    const r = dialog.getBoundingClientRect();
    return event.clientX < r.left || event.clientX > r.right || event.clientY < r.top || event.clientY > r.bottom;
  }

  /** Keep Tab and Shift+Tab inside the open dialog (the page behind it is inert anyway). */
  #trapFocus(event) {
    if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
    const items = tabbables(this.#ui.dialog);
    if (!items.length) return;
    const current = this.shadowRoot.activeElement;
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && (current === first || !items.includes(current))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (current === last || !items.includes(current))) {
      event.preventDefault();
      first.focus();
    }
  }

  get #isOpen() {
    if (this.mode === 'dropdown') return this.#panelOpen;
    return this.#ui.input.getAttribute('aria-expanded') === 'true';
  }

  /** Dropdown mode: show or hide the floating panel. */
  #setPanelOpen(open) {
    if (this.mode !== 'dropdown') return;
    this.#panelOpen = open;
    if (!open) this.#setActive(-1);
    this.#syncPanel();
  }

  /** Show the list (and "show more") when `open` and there are hits; keeps aria-expanded true to it. */
  #setOpen(open) {
    const ui = this.#ui;
    const panelShown = this.mode !== 'dropdown' || this.#panelOpen;
    const show = open && panelShown && this.#hits.length > 0;
    ui.listbox.hidden = !show;
    ui.more.hidden = !show || !(this.#results && this.#results.total > this.#hits.length);
    ui.input.setAttribute('aria-expanded', String(show));
    if (!show) this.#setActive(-1);
  }

  /** The dropdown panel's visibility follows #panelOpen and the state; aria-expanded follows it. */
  #syncPanel() {
    const ui = this.#ui;
    const dropdown = this.mode === 'dropdown';
    const hasContent = this.#state !== 'idle';
    const open = dropdown && this.#panelOpen && hasContent;
    ui.root.toggleAttribute('data-open', open);
    if (dropdown) this.#setOpen(this.#panelOpen && this.#state === 'results');
    if (open) this.#placePanel();
    if (!open) this.#revealed = false;
    else if (!this.#revealed) requestAnimationFrame(() => this.#revealPanel());
  }

  /**
   * Dropdown: the open panel inside the screen. Wider than a narrow input (see its CSS), it
   * would overflow the screen on the side it grows to (the left in RTL): it is aligned with
   * the input's start edge if it fits there, else with its end edge, else moved in as far as
   * needed, 0.5em from the screen's edges. Written to this element's own stylesheet (no
   * inline style: a strict CSP forbids them).
   */
  #placePanel() {
    const { root, panel } = this.#ui;
    if (this.mode !== 'dropdown' || !root.hasAttribute('data-open')) return;
    const view = document.documentElement.clientWidth;
    const margin = parseFloat(getComputedStyle(panel).fontSize) / 2 || 8;
    const most = Math.max(0, view - 2 * margin);
    this.#place(most, this.#placed[1]); // (the panel's width, measured next, depends on it alone)
    // In the page's coordinates: the panel that just opened (or the last placing) may have
    // made the page wider than the screen, and the browser scroll it sideways (in RTL, to the
    // left); without that overflow it is back at 0.
    const box = root.getBoundingClientRect();
    const [boxLeft, boxRight] = [box.left + window.scrollX, box.right + window.scrollX];
    const width = panel.getBoundingClientRect().width;
    const rtl = getComputedStyle(root).direction === 'rtl';
    const fits = (left) => left >= margin - 0.5 && left + width <= view - margin + 0.5;
    const [start, end] = rtl ? [boxRight - width, boxLeft] : [boxLeft, boxRight - width];
    const left = fits(start) ? start : fits(end) ? end : Math.max(margin, Math.min(start, view - margin - width));
    const offset = Math.round((rtl ? boxRight - (left + width) : left - boxLeft) * 10) / 10;
    this.#place(most, offset);
  }

  #place(most, start) {
    if (most === this.#placed[0] && start === this.#placed[1]) return;
    this.#placed = [most, start];
    if (!this.#placement) {
      this.#placement = new CSSStyleSheet(); // (the first time a dropdown opens)
      this.shadowRoot.adoptedStyleSheets = [...this.shadowRoot.adoptedStyleSheets, this.#placement];
    }
    this.#placement.replaceSync(`.panel { --_panel-max: ${most}px; --_panel-start: ${start}px; }`);
  }

  /**
   * A dropdown that opens low on a small screen (a phone, the keyboard up) shows only its
   * first lines: the field is scrolled to the top of the visible area, once per opening, so
   * that the panel below it has the room. (A site with a fixed header gives the element a
   * `scroll-margin-top`.)
   */
  #revealPanel() {
    const ui = this.#ui;
    if (this.#revealed || !ui.root.hasAttribute('data-open')) return;
    const view = window.visualViewport?.height ?? window.innerHeight;
    const panel = ui.panel.getBoundingClientRect();
    const field = ui.input.parentElement.getBoundingClientRect();
    // (Checked at each render while open: the panel grows when the results come.)
    if (panel.bottom <= view || field.top < view * 0.25) return;
    this.#revealed = true;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
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

  /** The live region says the status line, unless it said these words for these results. */
  #announce() {
    const ui = this.#ui;
    if (!ui) return;
    const text = ui.status.textContent.replace(/\s+/g, ' ').trim();
    const [said, results] = this.#announced ?? [];
    if (text === said && this.#results === results) return;
    this.#announced = [text, this.#results];
    // The same words for other results (another query, as many hits) are a change too: a
    // no-break space makes them one, so that they are read again.
    ui.announcer.textContent = ui.announcer.textContent === text ? `${text}\u00a0` : text;
  }

  #setState(state) {
    this.#state = state;
    this.#render();
  }

  #render() {
    const ui = this.#ui;
    if (!ui) return;
    this.#showErase();
    const s = this.#strings;
    const state = this.#state;
    const query = this.#ui.input.value.trim();
    const results = this.#results;

    ui.search.setAttribute('data-state', state);
    ui.root.setAttribute('data-state', state);
    ui.listbox.setAttribute('aria-busy', String(state === 'loading'));

    // Status line = the polite live region. One letter, or the article alone, that finds
    // nothing is a word being typed, not a failed search.
    // (Quotes, a sign and a field name are not letters: «"ج», «عنوان:د», «عنوان: د» are one
    // letter too.)
    const typed = query.replace(/["«»“”\-\u2212]/g, '').trim().replace(/^[\p{L}]+:\s*(?=\S)/u, '');
    // So are two Latin letters (a name's beginning: «Du» before Durov), a quote or a minus
    // with nothing after it yet, and a field name with nothing after it (title:, عنوان:).
    const tooShort = state === 'empty' && !this.#hasFilters()
      && (Array.from(typed).length <= 1 || /^[A-Za-z]{2}$/.test(typed) || /^[وف]?(?:[بك]?[اأإآ]ل|لل)$/.test(typed) || /^\p{L}+:$/u.test(typed));
    ui.search.toggleAttribute('data-short', tooShort);
    const status = [];
    if (state === 'loading') {
      status.push(h('span', { class: 'spinner', 'aria-hidden': 'true' }), s.loading);
    } else if (state === 'results' && results) {
      const total = Number(results.total) || this.#hits.length;
      let text = formatCount(total, this.#locale);
      if (total > this.#hits.length) text += s.showing(formatNumber(this.#hits.length, this.#locale));
      status.push(text);
      // (A full stop between the sentences: the region is read as one text. On screen the
      // note is a line of its own, and the stop is not shown.)
      if (results.partial) status.push(h('span', { class: 'visually-hidden' }, '.'), ' ', h('span', { class: 'partial', part: 'partial' }, s.partial));
    } else if (state === 'empty') {
      status.push(tooShort ? s.keepTyping : query ? s.empty(echoed(query)) : s.emptyFiltered);
      // Why nothing is left, when the exclusions are why (on screen: the empty state's hint).
      const excluded = Number(results?.excluded) || 0;
      if (!tooShort && excluded > 0) {
        status.push(h('span', { class: 'visually-hidden' }, `. ${s.emptyExcluded(formatArticles(excluded, this.#locale), excluded)}`));
      }
    } else if (state === 'idle' && !query) {
      const docs = this.info?.documents;
      if (docs) status.push(s.idle(formatNumber(docs, this.#locale)));
    }
    if (this.#cut && (state === 'results' || state === 'empty')) {
      status.push(' ', h('span', { class: 'cut', part: 'cut' }, s.cut(formatNumber(MAX_QUERY_CHARS, this.#locale))));
    }
    // "Did you mean" is outside the live region (it is a button); the region says it too,
    // so that a screen-reader user hears the results may be for another word.
    const suggestion = (state === 'results' || state === 'empty') && !tooShort && results?.suggestion;
    if (suggestion) {
      // A sentence of its own: after the count («٥ نتائج») a full stop, after a note that
      // ends with one a space. The stop is heard, not seen (on screen the "did you mean"
      // line follows, and «٥ نتائج.» looked like a typo).
      const said = status.map((part) => (typeof part === 'string' ? part : part.textContent)).join('').trim();
      const stop = /[.!?؟]$/.test(said);
      status.push(stop ? ' ' : '', h('span', { class: 'visually-hidden' }, `${stop ? '' : '. '}${s.suggestion} ${suggestion}`));
    }
    ui.status.replaceChildren(...status);
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => this.#announce(), ANNOUNCE_DELAY_MS);

    // "Did you mean" suggestion.
    ui.suggest.hidden = !suggestion;
    ui.suggestion.textContent = suggestion || '';
    // An Arabic suggestion in an English widget is read by an Arabic voice.
    if (suggestion && textDirection(suggestion) === 'rtl' && !this.uiLang.startsWith('ar')) ui.suggestion.setAttribute('lang', 'ar');
    else ui.suggestion.removeAttribute('lang');

    // Empty state.
    ui.empty.hidden = state !== 'empty' || tooShort;
    if (state === 'empty') {
      ui.emptyTitle.textContent = query ? s.empty(echoed(query)) : s.emptyFiltered;
      const excluded = Number(results?.excluded) || 0;
      ui.emptyHint.textContent = excluded > 0
        ? s.emptyExcluded(formatArticles(excluded, this.#locale), excluded)
        : this.#hasFilters() ? s.emptyFilteredHint : s.emptyHint;
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
    if (this.mode === 'dropdown') this.#syncPanel();
    else this.#setOpen(state === 'results');
    this.#renderFacets();
  }

  #renderOption(hit, index) {
    const id = `${this.#uid}-option-${index}`;
    const detailsId = `${id}-details`;
    const url = hitUrl(hit, this.getAttribute('hit-url'));
    // An article in another language than the widget's is read by a voice of its language:
    // an Arabic one in the English widget (an English voice skips or spells Arabic letters), an
    // English one in the Arabic widget (an Arabic voice garbles English words); the widget's
    // own words in it (the date) keep the widget's. The index says no article's language: it
    // is the script of most of the title's letters (Arabic: ar, Latin: en, else no guess).
    const ui = this.uiLang;
    const ownLang = (text, within) => {
      const lang = scriptLang(text);
      return lang && lang !== within ? lang : null;
    };
    const articleLang = ownLang(hit.title, ui);
    const within = articleLang ?? ui;
    // A result's link is dragged by its title (made draggable when pressed, #dragTitle); the
    // rest of the result is text to select.
    const title = h('span', { class: 'title', part: 'title' });
    title.append(renderHighlighted(hit.title ?? '', hit.titleHighlights));

    const meta = h('span', { class: 'meta', part: 'meta' });
    if (hit.published) {
      const time = h('time', { datetime: String(hit.published) });
      time.textContent = formatPublished(hit.published, this.#locale);
      meta.append(h('span', { class: 'date', lang: articleLang && ui }, time));
    } else if (hit.latestMention && PERIOD_RE.test(String(hit.latestMention))) {
      // No publication date: the latest date the text mentions, which the sort by date
      // goes by (so a list sorted by date shows why it is in that order).
      const time = h('time', { datetime: String(hit.latestMention) });
      time.textContent = formatPeriod(hit.latestMention, this.#locale);
      meta.append(h('span', { class: 'date mention', lang: articleLang && ui }, this.#strings.latestMention, ' ', time));
    }
    // A name (author, source) or a snippet in another script than the article's title has its
    // own language and direction (an English quote in an Arabic article: its punctuation at
    // its own ends, not mirrored).
    const name = (cls, text) => {
      const lang = ownLang(text, within);
      return h('span', { class: cls, lang, dir: lang && 'auto' }, text);
    };
    if (hit.author) meta.append(' ', name('author', String(hit.author)));
    if (hit.source) meta.append(' ', name('source', String(hit.source)));

    const snip = hit.snippet && typeof hit.snippet === 'object' ? hit.snippet : { text: '', highlights: [] };
    const snippet = h('span', {
      class: 'snippet',
      part: 'snippet',
      lang: ownLang(snip.text ?? '', within),
      dir: majorityDirection(snip.text ?? '') || 'auto',
    });
    snippet.append(renderHighlighted(snip.text ?? '', snip.highlights));

    // aria-hidden: the option's name is its title alone (from its content); what else it shows
    // is its description, said from a hidden copy with pauses where the screen has lines and
    // dots («٢٠١٧، خالد الطائي، ديارنا. قال محللون…»: an element that aria-describedby points
    // to is read even when hidden).
    const details = h('span', { class: 'details', 'aria-hidden': 'true' }, meta, snippet);
    const comma = ui === 'ar' ? '، ' : ', ';
    const metaSaid = [...meta.children].map((part) => part.textContent).join(comma);
    const said = h('span', { id: detailsId, hidden: true }, metaSaid && snip.text ? `${metaSaid}. ` : metaSaid, snip.text ?? '');
    // A result with a URL is a link, as a reader expects of a search result: its address shows
    // on hover, its context menu opens it in a new tab or copies it, a middle or Ctrl+click
    // opens it as the browser's settings say (#onOptionClick lets the browser follow it unless
    // the select event is canceled). role="option" keeps it the combobox's option (allowed on
    // <a href>): a link inside an option would be a control nested in another. tabindex -1:
    // the input keeps the focus and the arrows move through the results, not Tab.
    const option = h(
      url ? 'a' : 'div',
      {
        id,
        href: url,
        tabindex: url && '-1',
        // Not dragged as a whole: a drag on its text selects it (Firefox; Chromium: the CSS);
        // its title drags the link (#dragTitle, #onDragStart).
        draggable: url && 'false',
        // The article's own direction (that of most of its title's letters), whatever the
        // widget's UI direction.
        dir: majorityDirection(hit.title ?? '') || 'auto',
        lang: articleLang,
        class: url ? 'option has-url' : 'option',
        part: 'option',
        role: 'option',
        'aria-selected': 'false',
        // Named by its title (what a reader calls the result, and what WCAG 2.5.3's label is):
        // from its content, the rest being aria-hidden; the date/author/source and snippet are
        // its description, read after a pause. A name of the whole card made a screen reader
        // recite every line as one long name at each arrow press. (Not aria-labelledby: axe's
        // label-content-name-mismatch wants all the text on screen in a name given that way.)
        'aria-describedby': detailsId,
        'data-index': index,
      },
      title,
      details,
      said,
    );
    return option;
  }

  // --- the facet panel ------------------------------------------------------------

  /**
   * What the panel shows: {groups: [facet names], timeline: boolean}, or null for no panel.
   * From the `facets` attribute; absent: the entity facets the index has (platform,
   * organisation, place, person), then source, author, section and tag when it has them, and
   * the timeline (none in dropdown mode); "none": no panel; "*": every facet of the index.
   * Needs the engine's info (an engine without facets shows no panel).
   */
  #facetSpec() {
    const available = this.info?.facets;
    if (!Array.isArray(available)) return null;
    const attr = this.getAttribute('facets');
    let names;
    if (attr == null) {
      if (this.mode === 'dropdown') return null;
      names = [...DEFAULT_FACETS, 'timeline'];
    } else {
      names = parseFacets(attr);
      if (names.includes('none')) return null;
      if (names.includes('*')) names = [...DEFAULT_FACETS, ...available, 'timeline'];
    }
    const groups = [...new Set(names.filter((n) => !TIMELINE_NAMES.includes(n) && available.includes(n)))];
    const timeline = names.some((n) => TIMELINE_NAMES.includes(n)) && available.includes('year');
    return groups.length || timeline ? { groups, timeline } : null;
  }

  /** The facet names to count: the groups shown, and year + month for the timeline. */
  #facetRequest(spec = this.#facetSpec()) {
    if (!spec) return [];
    const names = [...spec.groups];
    if (spec.timeline) names.push('year', ...(this.#monthsWanted && this.info.facets.includes('month') ? ['month'] : []));
    return names;
  }

  /**
   * The month counts, which the timeline draws only when the years counted span at most
   * MONTHS_MAX_YEARS: asked for with a search only while the last one's years did, fetched
   * when a search's years do but they were not asked for, dropped when they span more. So a
   * search's facets hold `month` exactly when its years span at most MONTHS_MAX_YEARS, and a
   * search over a long archive does not count months it will not show.
   */
  async #withMonths(engine, query, options, results) {
    const { facets } = results;
    const years = (Array.isArray(facets.year) ? facets.year : []).filter((e) => e?.count > 0).map((e) => Number(e.value)).filter(Number.isInteger);
    const short = years.length > 0 && Math.max(...years) - Math.min(...years) < MONTHS_MAX_YEARS;
    this.#monthsWanted = short;
    if (!short) {
      delete facets.month;
      if (results.facetTotals) delete results.facetTotals.month;
      return;
    }
    if (Array.isArray(facets.month) || !options.facets?.includes('year') || !this.info.facets.includes('month')) return;
    // Its own channel (a worker keeps one waiting call per channel): it never replaces a
    // search. Superseded (null) by a newer search's, whose search makes this one stale.
    const more = await engine.search(query, { ...options, limit: 1, offset: 0, facets: ['month'] }, `${this.#uid}:months`);
    if (!more) return;
    facets.month = Array.isArray(more.facets?.month) ? more.facets.month : [];
    results.facetTotals = { ...results.facetTotals, month: more.facetTotals?.month ?? facets.month.length };
  }

  /**
   * Reads the labels of every value of `facets` (once per facet): a browse of the whole
   * archive with no filter, on a channel of its own, then draws the chips again.
   */
  async #fetchLabels(facets) {
    const engine = this.#engine;
    const names = [...new Set(facets)].filter((f) => !this.#labelsRead.has(f) && this.info?.facets?.includes(f));
    if (!engine || !names.length) return;
    names.forEach((f) => this.#labelsRead.add(f));
    let results;
    try {
      results = await engine.search('', { limit: 1, facets: names }, `${this.#uid}:labels`);
    } catch {
      results = null; // the ids stay: a help, not the search
    }
    if (engine !== this.#engine) return; // another index meanwhile: its labels are not these
    if (!results) {
      names.forEach((f) => this.#labelsRead.delete(f)); // failed or superseded: ask again later
      return;
    }
    let found = false;
    for (const [facet, entries] of Object.entries(results?.facets ?? {})) {
      for (const e of Array.isArray(entries) ? entries : []) {
        if (e && (e.labelAr || e.labelEn)) {
          this.#labels.set(`${facet}|${e.value}`, { labelAr: e.labelAr, labelEn: e.labelEn });
          found = true;
        }
      }
    }
    if (found) this.#renderFacets();
  }

  /** How many values of each facet to ask for: FACET_TOP, or FACET_LIMIT while one is expanded. */
  #facetLimit() {
    return this.#expanded.size ? FACET_LIMIT : FACET_TOP;
  }

  /**
   * Counts the expanded facets again (their FACET_LIMIT values) for the current query and
   * choices, and adds them to the panel: when one is expanded, and when a search asked for
   * fewer because the reader expanded one while it ran. Every expanded facet each time, on
   * a channel of its own, so that a newer call (which replaces a waiting one in a worker)
   * or a search never loses one. A newer search drops the answer.
   */
  async #fetchExpanded() {
    const engine = this.#engine;
    const names = [...this.#expanded].filter((f) => this.info?.facets?.includes(f));
    if (!engine || !names.length) return;
    const seq = this.#seq;
    const options = { ...this.#searchOptions({ facets: false }), limit: 1, facets: names, facetLimit: FACET_LIMIT };
    let results;
    try {
      results = await engine.search(this.#query ?? '', options, `${this.#uid}:facets`);
    } catch {
      return; // the panel is a help; the search itself reports errors
    }
    if (!results || seq !== this.#seq || !this.#expanded.size) return;
    this.#setFacetCounts({ ...this.#facetCounts, ...(results.facets ?? {}) }, { ...this.#facetTotals, ...(results.facetTotals ?? {}) }, this.#facetArticles);
    this.#renderFacets();
  }

  /** The counts of the panel; `articles`: how many articles they are over (the search's total). */
  #setFacetCounts(facets, totals, articles) {
    this.#facetCounts = facets;
    this.#facetArticles = Number(articles) || 0;
    this.#facetTotals = totals && typeof totals === 'object' ? totals : {};
    for (const [facet, entries] of Object.entries(facets)) {
      if (!Array.isArray(entries)) continue;
      for (const e of entries) {
        if (e && (e.labelAr || e.labelEn)) this.#labels.set(`${facet}|${e.value}`, { labelAr: e.labelAr, labelEn: e.labelEn });
      }
    }
    for (const e of Array.isArray(facets.year) ? facets.year : []) {
      const y = Number(e?.value);
      if (!Number.isInteger(y) || !(e.count > 0)) continue;
      this.#years = this.#years ? { min: Math.min(this.#years.min, y), max: Math.max(this.#years.max, y) } : { min: y, max: y };
    }
  }

  /** A facet value's label in the UI language (the value itself when it has none). */
  #labelOf(facet, value, entry = null) {
    const labels = entry && (entry.labelAr || entry.labelEn) ? entry : this.#labels.get(`${facet}|${value}`);
    const label = this.uiLang === 'en' ? labels?.labelEn || labels?.labelAr : labels?.labelAr || labels?.labelEn;
    return String(label || value);
  }

  #renderFacets() {
    const ui = this.#ui;
    if (!ui) return;
    const spec = this.#facetSpec();
    const state = this.#state;
    const counts = this.#facetCounts;
    const region = ui.facets;
    const active = this.shadowRoot.activeElement;
    const focusKey = active && region.contains(active) ? active.getAttribute('data-key') : null;
    // No article and nothing chosen: nothing to filter, so no panel (its sort and date range
    // would only hide the empty state's advice on a narrow widget). With filters chosen, the
    // panel stays: they are what to undo.
    const nothingToFilter = state === 'empty' && !this.#filterCount() && !this.#resultsFiltered;
    region.hidden = !(spec && counts && (state === 'idle' || state === 'results' || state === 'empty')) || nothingToFilter;
    if (region.hidden) {
      if (active && region.contains(active)) this.#ui.input.focus(); // not lost with the panel
      return;
    }
    const s = this.#strings;
    const locale = this.#locale;

    // The disclosure (narrow widgets) and the summary of what is chosen.
    const n = this.#filterCount();
    ui.facetsBadge.textContent = n ? formatNumber(n, locale) : '';
    ui.facetsToggle.setAttribute('aria-expanded', String(this.#facetsOpen));
    region.toggleAttribute('data-open', this.#facetsOpen);
    this.#renderActiveFilters(s, locale);

    // With no query there is nothing to be relevant to: the archive is listed newest first,
    // and the select says so ("most relevant" is then not a choice).
    const browsing = !this.#query.trim();
    ui.sortSelect.value = browsing && this.#sort === 'relevance' ? 'newest' : this.#sort;
    for (const option of ui.sortSelect.options) if (option.value === 'relevance') option.disabled = browsing;
    ui.timeline.hidden = !spec.timeline;
    if (spec.timeline) this.#renderTimeline(counts, s, locale);
    const sections = [ui.sortRow, ui.timeline];
    for (const facet of spec.groups) {
      const fieldset = this.#renderGroup(facet, Array.isArray(counts[facet]) ? counts[facet] : [], s, locale);
      if (fieldset) sections.push(fieldset);
    }
    if (state !== 'idle') {
      ui.facetsDone.textContent = s.showResults(formatNumber(this.#results?.total ?? 0, locale));
      sections.push(ui.facetsDone);
    }
    syncChildren(ui.facetsBody, sections);

    // Keep the keyboard where it was when an element it was on was rebuilt or moved.
    if (focusKey && this.shadowRoot.activeElement?.getAttribute('data-key') !== focusKey) {
      const same = [...region.querySelectorAll('[data-key]')].find((el) => el.getAttribute('data-key') === focusKey);
      if (same && isShown(same)) same.focus({ preventScroll: true });
    }
  }

  /** The chips of the chosen values (with remove buttons) and "clear filters". */
  #renderActiveFilters(s, locale) {
    const ui = this.#ui;
    const items = [];
    for (const [facet, values] of this.#filters) {
      for (const value of values) items.push({ kind: 'f', facet, value, name: this.#labelOf(facet, value) });
    }
    for (const [facet, values] of this.#exclude) {
      for (const value of values) items.push({ kind: 'x', facet, value, name: this.#labelOf(facet, value), words: s.not });
    }
    // A value chosen before any count named it (a link with `q.x.platform=twitter`: an
    // excluded value is never counted) shows its id until its facet's labels are read.
    // (Years and months have no labels: they are written as dates.)
    const unnamed = items
      .filter((i) => i.facet && i.facet !== 'year' && i.facet !== 'month' && !this.#labels.has(`${i.facet}|${i.value}`))
      .map((i) => i.facet);
    if (unnamed.length) this.#fetchLabels(unnamed);
    const range = this.#appliedRange();
    if (range.from || range.to) {
      const from = range.from && formatPeriod(range.from, locale);
      const to = range.to && formatPeriod(range.to, locale);
      // (The widget's own words and dates: no name in it.)
      const text = from && to ? (range.from === range.to ? from : `${from} – ${to}`) : from ? s.since(from) : s.until(to);
      items.push({ kind: 'date', facet: '', value: '', text });
    }
    ui.active.hidden = !items.length;
    // A button named by what it shows and, visually hidden, the widget's words around it
    // («إزالة عامل التصفية: » + «تيليجرام»). Not an aria-label: a name there is a string, and
    // «Remove filter: ديارنا» mixed two languages in it, the Arabic name read by the English
    // voice and its direction left to the English around it. The name is its own element,
    // marked with its language and isolated (dir=auto).
    const [before, after] = around(s.remove);
    const nodes = items.map((item) => {
      const key = `r|${item.kind}|${item.facet}|${item.value}`;
      let li = this.#activeEls.get(key);
      if (!li) {
        const button = h(
          'button',
          { type: 'button', class: 'filter-chip', part: 'filter-chip', 'data-action': 'remove', 'data-key': key, 'data-kind': item.kind, 'data-facet': item.facet, 'data-value': item.value },
          h('span', { class: 'visually-hidden' }),
          h('span', { class: 'text', dir: 'auto' }),
          h('span', { class: 'visually-hidden' }),
          svg('remove-icon', [['path', { d: 'M7 7 L17 17 M17 7 L7 17' }]]),
        );
        li = h('li', {}, button);
        this.#activeEls.set(key, li);
      }
      const [lead, shown, tail] = li.firstElementChild.children;
      lead.textContent = before;
      tail.textContent = after;
      tail.hidden = !after;
      if (item.name == null) {
        shown.textContent = item.text;
      } else {
        const name = h('span', { class: 'name', dir: 'auto', lang: nameLang(item.name, this.uiLang) }, item.name);
        const [not, notAfter] = item.words ? around(item.words) : ['', ''];
        shown.replaceChildren(...[not, name, notAfter].filter(Boolean));
      }
      return li;
    });
    for (const [key, li] of this.#activeEls) if (!nodes.includes(li)) this.#activeEls.delete(key);
    syncChildren(ui.activeList, nodes);
  }

  /** One facet: a fieldset of toggle chips (value + count), top FACET_TOP then "show all". */
  #renderGroup(facet, entries, s, locale) {
    let group = this.#groups.get(facet);
    if (!group) {
      const legend = h('legend', {});
      const chips = h('div', { class: 'chips' });
      const fieldset = h('fieldset', { class: 'facet', part: 'facet', 'data-facet': facet }, legend, chips);
      group = { fieldset, legend, chips, values: new Map(), more: null };
      this.#groups.set(facet, group);
    }
    group.legend.textContent = s.facetNames[facet] ?? facet;
    const chosen = this.#filters.get(facet) ?? [];
    const list = entries.filter((e) => e && e.value != null && (e.count > 0 || chosen.includes(String(e.value))));
    // A chosen value stays (pressed) even when no document has it any more.
    for (const value of chosen) if (!list.some((e) => String(e.value) === value)) list.push({ value, count: 0 });
    if (!list.length) return null;
    const expanded = this.#expanded.has(facet);
    const nodes = [];
    list.forEach((entry, i) => {
      const value = String(entry.value);
      const pressed = chosen.includes(value);
      if (!expanded && i >= FACET_TOP && !pressed) return;
      let chip = group.values.get(value);
      if (!chip) {
        chip = h(
          'button',
          { type: 'button', class: 'chip', part: 'facet-value', 'data-action': 'chip', 'data-group': facet, 'data-facet': facet, 'data-value': value, 'data-key': `v|${facet}|${value}` },
          h('span', { class: 'value-label', dir: 'auto' }),
          // A count needs its noun when read aloud («داعش ٥» could be anything), and Arabic
          // says one and two in the noun (مقالة واحدة، مقالتان: «٢ مقالة» is wrong): on
          // screen the number, read the words (as the timeline's bars are).
          h('span', { class: 'count', part: 'facet-count', 'aria-hidden': 'true' }),
          h('span', { class: 'visually-hidden' }),
        );
        group.values.set(value, chip);
      }
      const count = Number(entry.count) || 0;
      const [label, shown, noun] = chip.children;
      label.textContent = this.#labelOf(facet, value, entry);
      // An Arabic name with no English label, in the English widget: read by an Arabic voice
      // (and a name in Latin letters in the Arabic widget by an English one).
      const lang = nameLang(label.textContent, this.uiLang);
      if (lang) label.lang = lang;
      else label.removeAttribute('lang');
      shown.textContent = formatNumber(count, locale);
      noun.textContent = `${this.uiLang === 'ar' ? '،' : ','} ${formatArticles(count, locale)}`;
      chip.setAttribute('aria-pressed', String(pressed));
      nodes.push(chip);
    });
    for (const [value, chip] of group.values) if (!nodes.includes(chip)) group.values.delete(value);
    const total = Math.max(Number(this.#facetTotals[facet]) || 0, list.length);
    if (total > FACET_TOP) {
      group.more ??= h('button', { type: 'button', class: 'more-values', part: 'facet-more', 'data-action': 'more', 'data-group': facet, 'data-facet': facet, 'data-key': `m|${facet}` });
      group.more.textContent = expanded
        ? s.showFewer
        : total > FACET_LIMIT
          ? s.showTop(formatNumber(FACET_LIMIT, locale), formatNumber(total, locale))
          : s.showAll(formatNumber(total, locale));
      group.more.setAttribute('aria-expanded', String(expanded));
      nodes.push(group.more);
    }
    // Roving tabindex: one Tab stop per facet (the last one used), arrows move within it.
    const stopKey = this.#roving.get(facet);
    const stop = nodes.find((el) => el.getAttribute('data-key') === stopKey) ?? nodes[0];
    for (const el of nodes) el.tabIndex = el === stop ? 0 : -1;
    syncChildren(group.chips, nodes);
    return group.fieldset;
  }

  /**
   * The timeline: an SVG bar chart of the matching articles per year — or per month when
   * their years span at most MONTHS_MAX_YEARS and month-precise dates account for each of
   * those years — with every period from the first to the last (empty ones as gaps). Time runs
   * left to right in both directions. The counts ignore the date range, so the bars outside
   * the chosen range stay (dimmed) and can be chosen instead. Bars are buttons; a
   * visually hidden table repeats the figures.
   */
  #renderTimeline(counts, s, locale) {
    const ui = this.#ui;
    const valid = (list, re) => (Array.isArray(list) ? list : []).filter((e) => e && re.test(String(e.value)) && e.count > 0);
    const years = valid(counts.year, /^\d{4}$/).sort((a, b) => (a.value < b.value ? -1 : 1));
    const months = valid(counts.month, /^\d{4}-\d{2}$/).sort((a, b) => (a.value < b.value ? -1 : 1));
    this.#renderDateRange(s, locale);
    // No dated article: no chart, and no heading over nothing (the date range stays, to be
    // widened).
    ui.timelineTitle.hidden = !years.length;
    ui.timelineNote.hidden = true;
    if (!years.length) {
      ui.chart.hidden = true;
      ui.timelineTable.replaceChildren();
      return;
    }
    ui.chart.hidden = false;
    const first = Number(years[0].value);
    const last = Number(years.at(-1).value);
    const monthsCover = years.every((y) => months.filter((m) => m.value.startsWith(`${y.value}-`)).reduce((sum, m) => sum + m.count, 0) >= y.count);
    const unit = months.length && last - first < MONTHS_MAX_YEARS && monthsCover ? 'month' : 'year';
    const periods = [];
    if (unit === 'year') {
      for (let y = first; y <= last; y++) periods.push(String(y));
    } else {
      let [y, m] = months[0].value.split('-').map(Number);
      const [ly, lm] = months.at(-1).value.split('-').map(Number);
      while (y < ly || (y === ly && m <= lm)) {
        periods.push(`${y}-${String(m).padStart(2, '0')}`);
        if (++m > 12) {
          m = 1;
          y++;
        }
      }
    }
    const countOf = new Map((unit === 'month' ? months : years).map((e) => [String(e.value), Number(e.count)]));
    const max = Math.max(1, ...countOf.values());

    // Geometry, in viewBox units (the SVG scales to the panel's width).
    const VW = CHART_UNITS;
    const PLOT = 64; // the baseline
    const TOP = 15; // room for the count above the tallest bar
    const VH = unit === 'month' ? 100 : 84;
    const n = periods.length;
    const slot = VW / n;
    const barW = Math.min(slot * 0.72, 32);
    const chartKey = `${unit}|${periods.join(',')}|${locale}`;
    if (chartKey !== this.#chartKey) {
      this.#chartKey = chartKey;
      const labelEvery = Math.max(1, Math.ceil(n / Math.floor(VW / 36)));
      const chart = svgEl('svg', { class: 'timeline-chart', viewBox: `0 0 ${VW} ${VH}`, role: 'group', focusable: 'false', 'font-size': '12' });
      // The texts (counts, periods) are drawn over the bars, outside them: a bar's name is its
      // aria-label ("2017: 2 articles"), which they would otherwise contradict.
      const texts = svgEl('g', { class: 'labels', 'aria-hidden': 'true' });
      this.#bars = periods.map((period, i) => {
        const x = i * slot;
        const g = svgEl('g', { class: 'bar', part: 'bar', 'data-period': period, 'data-key': `b|${period}`, 'data-group': 'timeline' });
        const hit = svgEl('rect', { class: 'bar-hit', x: x + 0.5, y: 0.5, width: Math.max(slot - 1, 1), height: VH - 1, rx: 3 });
        const fill = svgEl('rect', { class: 'bar-fill', x: x + (slot - barW) / 2, width: barW, rx: Math.min(2, barW / 4) });
        g.append(hit, fill);
        const value = svgEl('text', { class: 'value', x: x + slot / 2 });
        const ticks = [];
        if (unit === 'year' && i % labelEvery === 0) {
          ticks.push(svgEl('text', { class: 'tick', x: x + slot / 2, y: PLOT + 15 }, formatPeriod(period, locale)));
        } else if (unit === 'month') {
          const [y, m] = period.split('-');
          if (slot >= 13) ticks.push(svgEl('text', { class: 'tick', x: x + slot / 2, y: PLOT + 14 }, formatNumber(Number(m), locale)));
          if (m === '01' || i === 0) ticks.push(svgEl('text', { class: 'tick year', x: x + slot / 2, y: PLOT + 30 }, formatPeriod(y, locale)));
        }
        texts.append(value, ...ticks);
        return { period, g, hit, fill, value, ticks };
      });
      chart.append(
        svgEl('line', { class: 'axis', x1: 0, x2: VW, y1: PLOT + 0.5, y2: PLOT + 0.5, 'aria-hidden': 'true' }),
        ...this.#bars.map((b) => b.g),
        texts,
      );
      ui.chart.replaceChildren(chart);
      this.#sizeChartText();
    }
    const chart = ui.chart.firstElementChild;
    chart.setAttribute('aria-label', s.timelineChart(unit));
    const range = this.#appliedRange();
    const lo = range.from && periodBounds(range.from).start;
    const hi = range.to && periodBounds(range.to).end;
    chart.toggleAttribute('data-range', Boolean(lo || hi));
    const stopKey = this.#roving.get('timeline');
    let stop = null;
    let pressedBar = null;
    for (const bar of this.#bars) {
      const count = countOf.get(bar.period) ?? 0;
      const height = count ? Math.max(3, (count / max) * (PLOT - TOP)) : 0;
      bar.fill.setAttribute('y', PLOT - height);
      bar.fill.setAttribute('height', height);
      bar.value.setAttribute('y', PLOT - height - 3);
      bar.value.textContent = count && n <= 16 ? formatNumber(count, locale) : '';
      const bounds = periodBounds(bar.period);
      bar.g.toggleAttribute('data-in-range', (!lo || bounds.start >= lo) && (!hi || bounds.end <= hi));
      // Dimmed are the bars wholly outside the range: a year that holds the chosen month
      // (the chart went from months to years when the query changed) is not.
      bar.g.toggleAttribute('data-overlaps-range', (!lo || bounds.end >= lo) && (!hi || bounds.start <= hi));
      const pressed = range.from === bar.period && range.to === bar.period;
      for (const tick of bar.ticks) tick.toggleAttribute('data-pressed', pressed);
      if (count) {
        bar.g.setAttribute('role', 'button');
        bar.g.setAttribute('data-action', 'bar');
        bar.g.setAttribute('aria-label', `${formatPeriod(bar.period, locale)}: ${formatArticles(count, locale)}`);
        bar.g.setAttribute('aria-pressed', String(pressed));
        bar.g.removeAttribute('aria-hidden');
        bar.g.classList.remove('empty-slot');
        if (pressed) pressedBar = bar.g;
        if (bar.g.getAttribute('data-key') === stopKey) stop = bar.g;
      } else {
        for (const name of ['role', 'data-action', 'aria-label', 'aria-pressed', 'tabindex']) bar.g.removeAttribute(name);
        bar.g.setAttribute('aria-hidden', 'true');
        bar.g.classList.add('empty-slot');
      }
    }
    // An article counts in each period it is about (its date, the dates its text mentions):
    // say so where the bars of the chosen range add up to more than the articles that match.
    // And where a bar holds the range without lying inside it (a month chosen, then a query
    // whose chart shows years): its count is the whole year's, not the results'.
    let inRange = 0;
    const partial = [];
    for (const bar of this.#bars) {
      const count = countOf.get(bar.period) ?? 0;
      if (bar.g.hasAttribute('data-in-range')) inRange += count;
      else if (count && bar.g.hasAttribute('data-overlaps-range')) partial.push(formatPeriod(bar.period, locale));
    }
    const note = partial.length ? s.timelinePartial(partial, unit) : inRange > this.#facetArticles ? s.timelineNote(unit) : '';
    ui.timelineNote.hidden = !note;
    ui.timelineNote.textContent = note;
    stop ??= pressedBar ?? this.#bars.find((b) => b.g.hasAttribute('data-action'))?.g;
    for (const bar of this.#bars) if (bar.g.hasAttribute('data-action')) bar.g.setAttribute('tabindex', bar.g === stop ? '0' : '-1');

    // The text alternative: the same figures as a table.
    const rows = periods
      .filter((p) => countOf.get(p))
      .map((p) => h('tr', {}, h('th', { scope: 'row' }, formatPeriod(p, locale)), h('td', {}, formatArticles(countOf.get(p), locale))));
    ui.timelineTable.replaceChildren(
      h('caption', {}, s.timelineTable),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, s.period(unit)), h('th', { scope: 'col' }, s.articlesHeader))),
      h('tbody', {}, ...rows),
    );
  }

  /** The from / to selects: "any date", every year seen (plus a month-precise choice), the choice. */
  #renderDateRange(s, locale) {
    const ui = this.#ui;
    const pending = this.#pendingRange;
    const from = pending ? pending.from : this.#dateFrom;
    const to = pending ? pending.to : this.#dateTo;
    const values = new Set();
    if (this.#years) for (let y = this.#years.min; y <= this.#years.max; y++) values.add(String(y));
    for (const v of [from, to]) if (v) values.add(v);
    const sorted = [...values].sort();
    for (const [select, current] of [[ui.fromSelect, from], [ui.toSelect, to]]) {
      const key = `${locale}|${sorted.join(',')}`;
      if (select.getAttribute('data-options') !== key) {
        select.setAttribute('data-options', key);
        select.replaceChildren(h('option', { value: '' }, s.anyDate), ...sorted.map((v) => h('option', { value: v }, formatPeriod(v, locale))));
      } else {
        select.options[0].textContent = s.anyDate;
      }
      select.value = current || '';
      select.toggleAttribute('aria-invalid', false);
    }
    if (pending) pending.invalid?.setAttribute('aria-invalid', 'true');
    ui.rangeError.textContent = pending ? s.rangeError : '';
  }

  #onFacetsChange(event) {
    const ui = this.#ui;
    const target = event.target;
    if (target === ui.sortSelect) {
      this.#sort = SORTS.includes(target.value) ? target.value : 'relevance';
      this.#filtersChanged();
    } else if (target === ui.fromSelect || target === ui.toSelect) {
      const from = ui.fromSelect.value;
      const to = ui.toSelect.value;
      if (from && to && periodBounds(from).start > periodBounds(to).end) {
        // Not applied: said next to the selects (and by the live region) until it is fixed.
        this.#pendingRange = { from, to, invalid: target };
        this.#renderFacets();
        return;
      }
      this.#pendingRange = null;
      this.#dateFrom = from;
      this.#dateTo = to;
      this.#filtersChanged();
    }
  }

  #onFacetsClick(event) {
    const el = event.target.closest?.('[data-action]');
    if (!el || !this.#ui.facets.contains(el)) return;
    const facet = el.getAttribute('data-facet') ?? '';
    const value = el.getAttribute('data-value') ?? '';
    switch (el.getAttribute('data-action')) {
      case 'toggle':
        this.#facetsOpen = !this.#facetsOpen;
        this.#rememberFacetsOpen();
        this.#renderFacets();
        return;
      case 'done':
        this.#closeFacetsPanel();
        return;
      case 'chip': {
        const list = [...(this.#filters.get(facet) ?? [])];
        const at = list.indexOf(value);
        if (at >= 0) list.splice(at, 1);
        else list.push(value);
        if (list.length) this.#filters.set(facet, list);
        else this.#filters.delete(facet);
        this.#roving.set(facet, el.getAttribute('data-key'));
        this.#filtersChanged();
        return;
      }
      case 'more':
        if (this.#expanded.has(facet)) this.#expanded.delete(facet);
        else this.#expanded.add(facet);
        this.#roving.set(facet, el.getAttribute('data-key'));
        this.#renderFacets();
        // Expanded: its values beyond the first FACET_TOP are fetched, unless all are here.
        if (this.#expanded.has(facet)) {
          const listed = this.#facetCounts?.[facet]?.length ?? 0;
          if (listed < Math.min(Number(this.#facetTotals[facet]) || 0, FACET_LIMIT)) this.#fetchExpanded();
        }
        return;
      case 'bar': {
        const period = el.getAttribute('data-period');
        const range = this.#appliedRange();
        const again = range.from === period && range.to === period;
        this.#dateFrom = this.#dateTo = again ? '' : period;
        this.#pendingRange = null;
        this.#roving.set('timeline', el.getAttribute('data-key'));
        this.#filtersChanged();
        return;
      }
      case 'remove': {
        const index = [...this.#ui.activeList.querySelectorAll('button')].indexOf(el);
        const kind = el.getAttribute('data-kind');
        if (kind === 'date') {
          this.#dateFrom = this.#dateTo = '';
          this.#pendingRange = null;
        } else {
          const map = kind === 'x' ? this.#exclude : this.#filters;
          const list = (map.get(facet) ?? []).filter((v) => v !== value);
          if (list.length) map.set(facet, list);
          else map.delete(facet);
        }
        this.#filtersChanged();
        this.#focusAfterRemoval(index);
        return;
      }
      case 'clear':
        this.#filters = new Map();
        this.#exclude = new Map();
        this.#dateFrom = this.#dateTo = '';
        this.#pendingRange = null;
        this.#filtersChanged();
        this.#focusAfterRemoval(0);
        return;
      default:
    }
  }

  /** After a chosen filter was removed: the next remove button, else the first facet's chip. */
  #focusAfterRemoval(index) {
    const ui = this.#ui;
    const buttons = [...ui.activeList.querySelectorAll('button')].filter(isShown);
    const target =
      buttons[Math.min(index, buttons.length - 1)] ??
      (isShown(ui.facetsToggle) ? ui.facetsToggle : null) ??
      tabbables(ui.facetsBody).find((el) => el.classList.contains('chip')) ??
      tabbables(ui.facetsBody)[0] ??
      ui.input;
    target.focus();
  }

  /**
   * Arrow keys in the panel. Chips (and a facet's "show all"): ←/→ in visual order (mirrored in
   * RTL: ← is the next one), ↓/↑ next/previous, Home/End; Space/Enter toggle (they are buttons).
   * Timeline bars: ←/→ follow the chart (earlier/later: time runs left to right), Home/End,
   * Space/Enter choose. No wrapping.
   */
  /** Narrow widgets: close the Filters panel, the keyboard on its button, the results right below. */
  #closeFacetsPanel() {
    this.#facetsOpen = false;
    this.#rememberFacetsOpen();
    this.#renderFacets();
    this.#ui.facetsToggle.focus();
  }

  #onFacetsKeydown(event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.composedPath()[0];
    // Narrow widgets: Escape closes the open Filters panel, back to its button (a select's
    // own Escape, closing its list, comes first).
    if (event.key === 'Escape' && this.#facetsOpen && isShown(this.#ui.facetsToggle) && !event.defaultPrevented) {
      event.preventDefault();
      event.stopPropagation();
      this.#closeFacetsPanel();
      return;
    }
    const action = target?.getAttribute?.('data-action');
    if (action === 'bar') {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        return;
      }
      const bars = this.#bars.map((b) => b.g).filter((g) => g.hasAttribute('data-action'));
      this.#moveRoving(event, bars, target, { ArrowRight: 1, ArrowLeft: -1 });
      return;
    }
    if (action !== 'chip' && action !== 'more') return;
    const items = [...target.parentElement.children].filter(isShown);
    const rtl = getComputedStyle(target).direction === 'rtl';
    this.#moveRoving(event, items, target, { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, ArrowDown: 1, ArrowUp: -1 });
  }

  #moveRoving(event, items, target, steps) {
    const index = items.indexOf(target);
    if (index < 0) return;
    let next;
    if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key in steps) next = index + steps[event.key];
    else return;
    event.preventDefault();
    const el = items[next];
    if (!el || el === target) return;
    target.setAttribute('tabindex', '-1');
    el.setAttribute('tabindex', '0');
    el.focus();
  }

  #dispatch(name, detail, cancelable = false) {
    return this.dispatchEvent(new CustomEvent(`${this.localName}-${name}`, { detail, bubbles: true, composed: true, cancelable }));
  }
}

// Self-define on import (unless something else took the name already). Not in a worker.
if (typeof customElements !== 'undefined' && !customElements.get('fahras-search')) {
  FahrasSearch.define();
}

export default FahrasSearch;
