// The in-browser benchmark of fahras: loads one index into the real wasm build
// (www/pkg/), then times every search call of a fixed query mix (bench/queries.json):
// whole queries, and every prefix of strings typed one character at a time. The mix runs
// twice: with `{ limit }` only ("engine"), and with the facet counts the widget asks for on
// every keystroke ("widget").
//
// bench/index.html?corpus=NAME runs it on bench/out/NAME.fahras (bench/run.mjs drives it in
// headless Chromium for every corpus and prints the table; see scripts/bench.sh).
// Serve the repository root with Cross-Origin-Opener-Policy: same-origin and
// Cross-Origin-Embedder-Policy: require-corp, so that the page is cross-origin isolated and
// performance.now() has its finest resolution (5 µs in Chromium instead of 100 µs).
//
// Percentiles are nearest-rank, over every timed call of the mix pooled (each call is timed
// on its own). As a check on the timer's resolution, each round is also timed as a batch
// and divided by its number of calls (batchMeanMs), to compare with the per-call mean.

import init, { SearchEngine } from '../www/pkg/fahras.js';
import { DEFAULT_FACETS, FACET_TOP, MONTHS_MAX_YEARS } from '../www/fahras.js';

const now = () => performance.now();

/** Nearest-rank percentile of sorted numbers. */
function percentile(sorted, p) {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
}

function stats(samples) {
  const s = Float64Array.from(samples).sort();
  const sum = s.reduce((a, b) => a + b, 0);
  return {
    calls: s.length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s[s.length - 1],
    mean: sum / s.length,
  };
}

/** The smallest non-zero step of performance.now(), in ms. */
function timerResolution() {
  let best = Infinity;
  for (let i = 0; i < 50; i++) {
    const a = now();
    let b = now();
    while (b === a) b = now();
    best = Math.min(best, b - a);
  }
  return best;
}

function prefixes(text) {
  const chars = Array.from(text);
  return chars.map((_, i) => chars.slice(0, i + 1).join(''));
}

const median = (xs) => percentile(Float64Array.from(xs).sort(), 50);

/**
 * Times the query mix with one set of options: every whole query and every typed prefix, in
 * rounds sized to the time budget after a warm-up; each call is timed on its own.
 */
function timeMix(search, whole, typing, budgetMs, minRounds, maxRounds) {
  const calls = whole.length + typing.reduce((n, p) => n + p.length, 0);
  let checksum = 0;
  let t = now();
  for (let i = 0; i < 3; i++) {
    for (const q of [...whole, ...typing.flat()]) checksum += search(q).total;
  }
  const roundMs = (now() - t) / 3;
  const rounds = Math.max(minRounds, Math.min(maxRounds, Math.floor(budgetMs / Math.max(roundMs, 0.001))));

  const perQuery = new Map();
  const wholeSamples = [];
  const typingSamples = [];
  const batchMeans = [];
  const record = (q, ms, into) => {
    into.push(ms);
    if (!perQuery.has(q)) perQuery.set(q, []);
    perQuery.get(q).push(ms);
  };
  for (let r = 0; r < rounds; r++) {
    const roundStart = now();
    for (const q of whole) {
      const s = now();
      const res = search(q);
      record(q, now() - s, wholeSamples);
      checksum += res.hits.length;
    }
    for (const seq of typing) {
      for (const q of seq) {
        const s = now();
        const res = search(q);
        record(q, now() - s, typingSamples);
        checksum += res.hits.length;
      }
    }
    batchMeans.push((now() - roundStart) / calls);
  }
  return {
    rounds,
    whole: stats(wholeSamples),
    typing: stats(typingSamples),
    all: stats([...wholeSamples, ...typingSamples]),
    batchMeanMs: batchMeans.reduce((a, b) => a + b, 0) / batchMeans.length,
    slowest: [...perQuery.entries()]
      .map(([q, xs]) => ({ query: q, median: median(xs), max: Math.max(...xs) }))
      .sort((a, b) => b.median - a.median)
      .slice(0, 6),
    checksum,
  };
}

/**
 * Runs the benchmark on one index.
 * @param {{name: string, url: string, set: 'news'|'quran', budgetMs?: number, minRounds?: number,
 *          maxRounds?: number, loads?: number, limit?: number}} config
 */
export async function runBench({ name, url, set, budgetMs = 12000, minRounds = 10, maxRounds = 300, loads = 5, limit = 10 }) {
  const result = { name, url, set, limit, crossOriginIsolated: self.crossOriginIsolated, timerResolutionMs: timerResolution() };

  let t = now();
  const wasm = await init();
  result.initMs = now() - t; // fetch + compile + instantiate the wasm
  result.memoryAfterInitBytes = wasm.memory.buffer.byteLength;

  const queries = (await (await fetch(new URL('queries.json', import.meta.url))).json())[set];
  const whole = queries.whole;
  const typing = queries.typing.map(prefixes);

  t = now();
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  result.fetchMs = now() - t;
  result.indexBytes = bytes.length;

  // Load: the first time, and again (freeing each engine) for a median.
  const loadTimes = [];
  t = now();
  let engine = new SearchEngine(bytes);
  loadTimes.push(now() - t);
  result.memoryAfterLoadBytes = wasm.memory.buffer.byteLength;
  const info = engine.info();
  result.documents = info.documents;
  result.terms = info.terms;
  for (let i = 1; i < loads; i++) {
    engine.free();
    t = now();
    engine = new SearchEngine(bytes);
    loadTimes.push(now() - t);
  }
  result.loadMsFirst = loadTimes[0];
  result.loadMsMedian = median(loadTimes);
  result.loads = loadTimes.length;

  // Two option sets: the engine alone, and what the widget asks for each keystroke (the
  // same hits, and the counts of the facets its panel and timeline show, as
  // FahrasSearch#facetRequest asks them when the `facets` attribute is absent and no facet
  // is expanded).
  // The widget asks for the months only while the last results' years spanned at most
  // MONTHS_MAX_YEARS, and fetches them when these results' do but they were not asked for
  // (FahrasSearch#withMonths): both calls are timed as one.
  const available = info.facets ?? [];
  const groups = DEFAULT_FACETS.filter((f) => available.includes(f));
  const widgetOptions = { limit, facets: [...groups, ...(available.includes('year') ? ['year'] : [])], facetLimit: FACET_TOP };
  const hasMonths = available.includes('year') && available.includes('month');
  let monthsWanted = true;
  const widgetSearch = (q) => {
    const options = monthsWanted && hasMonths ? { ...widgetOptions, facets: [...widgetOptions.facets, 'month'] } : widgetOptions;
    const res = engine.search(q, options);
    const years = (res.facets?.year ?? []).map((e) => Number(e.value));
    monthsWanted = years.length > 0 && Math.max(...years) - Math.min(...years) < MONTHS_MAX_YEARS;
    if (monthsWanted && hasMonths && !res.facets?.month) engine.search(q, { ...options, limit: 1, facets: ['month'] });
    return res;
  };
  const modes = {
    engine: (q) => engine.search(q, { limit }),
    widget: widgetOptions.facets.length ? widgetSearch : (q) => engine.search(q, { limit }),
  };
  result.options = { engine: { limit }, widget: { ...widgetOptions, months: 'while the last results span at most 2 years' } };

  // Correctness: every whole query and every full typed string finds something.
  result.failures = [];
  for (const q of [...whole, ...typing.map((p) => p[p.length - 1])]) {
    if (engine.search(q, { limit }).total === 0) result.failures.push(q);
  }
  let warm = 0;
  for (const [mode, search] of Object.entries(modes)) {
    const timed = timeMix(search, whole, typing, budgetMs / 2, minRounds, maxRounds);
    warm += timed.checksum;
    delete timed.checksum;
    result[mode] = timed;
  }
  result.memoryAfterQueriesBytes = wasm.memory.buffer.byteLength;
  result.checksum = warm; // keeps the calls observable
  engine.free();
  return result;
}

// As a page: run the corpus named in the query string and show the result.
const params = new URLSearchParams(location.search);
const out = document.getElementById('out');
const show = (text) => {
  if (out) out.textContent = text;
};
if (params.has('corpus')) {
  const name = params.get('corpus');
  show(`running ${name}…`);
  const manifest = await (await fetch(new URL('out/manifest.json', import.meta.url))).json().catch(() => ({ corpora: [] }));
  const entry = manifest.corpora.find((c) => c.name === name) ?? { name, file: `${name}.fahras`, set: 'news' };
  try {
    const result = await runBench({
      name,
      url: new URL(`out/${entry.file}`, import.meta.url).href,
      set: entry.set,
      budgetMs: Number(params.get('budget') ?? 12000),
      limit: Number(params.get('limit') ?? 10),
    });
    window.benchResult = result;
    show(JSON.stringify(result, null, 2));
  } catch (err) {
    window.benchResult = { name, error: String(err && err.stack ? err.stack : err) };
    show(window.benchResult.error);
  }
} else {
  const manifest = await (await fetch(new URL('out/manifest.json', import.meta.url))).json().catch(() => null);
  const list = document.getElementById('corpora');
  if (!manifest) {
    show('No bench/out/manifest.json: run scripts/bench.sh (or node bench/run.mjs) first.');
  } else if (list) {
    for (const c of manifest.corpora) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `?corpus=${encodeURIComponent(c.name)}`;
      a.textContent = `${c.name} (${c.documents} documents, ${c.bytes} bytes)`;
      li.append(a);
      list.append(li);
    }
    show(`crossOriginIsolated: ${self.crossOriginIsolated}; timer resolution ${timerResolution() * 1000} µs`);
  }
}
window.benchDone = true;
