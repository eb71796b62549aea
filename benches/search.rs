//! Native benchmarks (criterion): index build, index load and query latency (whole queries
//! and every prefix of a query typed character by character) on several corpora, described
//! in `benches/corpus_gen.rs`:
//!
//! | corpus  | documents | when |
//! |---------|-----------|------|
//! | `seeds` | the 5 seed articles (`corpus/`) | always |
//! | `gen2k` | 2 000 generated articles | without `FAHRAS_BENCH_FULL` |
//! | `quran` | 6 236 verses (npm `quran-json`, at `$FAHRAS_QURAN_JSON`) | `FAHRAS_BENCH_FULL=1` |
//! | `gen15k`, `gen50k` | 15 000 and 50 000 generated articles (`FAHRAS_BENCH_SIZES`, default `15000 50000`) | `FAHRAS_BENCH_FULL=1` |
//!
//! `FAHRAS_BENCH_CORPORA=seeds,gen15k` keeps only the named corpora. The queries are those
//! of `bench/queries.json` (shared with the in-browser benchmark, `bench/`).
//!
//! Before the timings each corpus prints its figures: documents, terms, index bytes (raw
//! and gzip -9), one build's time, and (not with `--test`) a latency table measured by this
//! file itself: p50/p95/p99/max over every single call (nearest-rank percentiles, all
//! queries pooled), which criterion's per-benchmark means do not give.
//!
//! `cargo bench --bench search` for figures (`scripts/bench.sh` runs everything);
//! `cargo bench --bench search -- --test` runs each benchmark once (the test command does this
//! as a smoke check). Each timed loop asserts its result, so a benchmark also checks that it
//! measures a working search. Nothing here asserts on time.

mod corpus_gen;

use criterion::{black_box, Criterion, SamplingMode};
use fahras::{Document, Index, IndexBuilder, SearchOptions, Searcher};
use flate2::{write::GzEncoder, Compression};
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

const QUERIES: &str = include_str!("../bench/queries.json");

fn gzip_len(bytes: &[u8]) -> usize {
    let mut e = GzEncoder::new(Vec::new(), Compression::best());
    e.write_all(bytes).unwrap();
    e.finish().unwrap().len()
}

/// Builds an index as `fahras build` does (with the default entity and date extractors).
fn build(docs: &[Document]) -> Vec<u8> {
    let mut b = IndexBuilder::new().with_default_extractors();
    for d in docs {
        b.add(d.clone()).unwrap();
    }
    b.finish()
}

/// What `new SearchEngine(bytes)` does in the browser: read the index, prepare a searcher.
fn load(bytes: &[u8]) -> Searcher {
    Searcher::new(Index::from_bytes(bytes.to_vec()).unwrap())
}

/// The queries of one set of `bench/queries.json`.
struct Queries {
    whole: Vec<String>,
    /// Each typed string, as the list of its prefixes (one more character each).
    typing: Vec<Vec<String>>,
}

fn queries(set: &str) -> Queries {
    let json: serde_json::Value = serde_json::from_str(QUERIES).expect("bench/queries.json");
    let strings = |kind: &str| -> Vec<String> {
        json[set][kind]
            .as_array()
            .unwrap_or_else(|| panic!("bench/queries.json has no {set}.{kind}"))
            .iter()
            .map(|q| q.as_str().expect("a query string").to_owned())
            .collect()
    };
    Queries {
        whole: strings("whole"),
        typing: strings("typing")
            .iter()
            .map(|s| {
                let chars: Vec<char> = s.chars().collect();
                (1..=chars.len())
                    .map(|n| chars[..n].iter().collect())
                    .collect()
            })
            .collect(),
    }
}

struct Corpus {
    name: String,
    docs: Vec<Document>,
    queries: &'static str,
}

fn corpora(full: bool) -> Vec<Corpus> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let only: Option<Vec<String>> = std::env::var("FAHRAS_BENCH_CORPORA")
        .ok()
        .map(|v| v.split(',').map(|s| s.trim().to_owned()).collect());
    let wanted = |name: &str| only.as_ref().is_none_or(|o| o.iter().any(|n| n == name));
    let seeds = corpus_gen::seed_documents(root);
    let mut out = Vec::new();
    let generated = |docs: usize| Corpus {
        name: format!("gen{}k", docs / 1000),
        docs: corpus_gen::generated_documents(&seeds, docs, corpus_gen::DEFAULT_SEED),
        queries: "news",
    };
    if wanted("seeds") {
        out.push(Corpus {
            name: "seeds".into(),
            docs: seeds.clone(),
            queries: "news",
        });
    }
    if !full {
        if wanted("gen2k") {
            out.push(generated(2_000));
        }
        return out;
    }
    if wanted("quran") {
        match std::env::var_os("FAHRAS_QURAN_JSON") {
            None => println!("quran: skipped (set FAHRAS_QURAN_JSON to quran-json's dist/quran.json; scripts/bench.sh fetches it)"),
            Some(path) => match corpus_gen::quran_documents(Path::new(&path)) {
                Ok(docs) => out.push(Corpus {
                    name: "quran".into(),
                    docs,
                    queries: "quran",
                }),
                Err(e) => println!("quran: skipped ({e})"),
            },
        }
    }
    let sizes = std::env::var("FAHRAS_BENCH_SIZES").unwrap_or_else(|_| "15000 50000".into());
    for docs in sizes
        .split_whitespace()
        .filter_map(|n| n.parse::<usize>().ok())
    {
        if wanted(&format!("gen{}k", docs / 1000)) {
            out.push(generated(docs));
        }
    }
    out
}

/// Nearest-rank percentile of sorted samples.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn summary(samples: &mut [f64]) -> String {
    samples.sort_by(f64::total_cmp);
    format!(
        "p50 {:>8.3} ms  p95 {:>8.3} ms  p99 {:>8.3} ms  max {:>8.3} ms  ({} calls)",
        percentile(samples, 50.0),
        percentile(samples, 95.0),
        percentile(samples, 99.0),
        samples[samples.len() - 1],
        samples.len()
    )
}

/// Times every call of `rounds` rounds of the query mix; prints pooled percentiles and the
/// slowest queries.
fn latency_table(searcher: &Searcher, q: &Queries) {
    let options = SearchOptions::default();
    let time = |query: &str| {
        let started = Instant::now();
        let results = searcher.search(query, &options).unwrap();
        let elapsed = started.elapsed().as_secs_f64() * 1e3;
        black_box(results);
        elapsed
    };
    // Warm up, and size the rounds to about 3 s of searching.
    let started = Instant::now();
    for query in q.whole.iter().chain(q.typing.iter().flatten()) {
        time(query);
    }
    let round = started.elapsed().as_secs_f64();
    let rounds = ((3.0 / round.max(1e-9)) as usize).clamp(5, 200);
    let mut whole: Vec<(String, Vec<f64>)> = q.whole.iter().map(|s| (s.clone(), vec![])).collect();
    let mut typing: Vec<(String, Vec<f64>)> = q
        .typing
        .iter()
        .flatten()
        .map(|s| (s.clone(), vec![]))
        .collect();
    for _ in 0..rounds {
        for (query, samples) in whole.iter_mut().chain(typing.iter_mut()) {
            samples.push(time(query));
        }
    }
    let pooled = |rows: &[(String, Vec<f64>)]| -> Vec<f64> {
        rows.iter().flat_map(|r| r.1.iter().copied()).collect()
    };
    println!("  whole queries  {}", summary(&mut pooled(&whole)));
    println!("  as you type    {}", summary(&mut pooled(&typing)));
    let mut medians: Vec<(f64, &str)> = whole
        .iter_mut()
        .chain(typing.iter_mut())
        .map(|(query, samples)| {
            samples.sort_by(f64::total_cmp);
            (percentile(samples, 50.0), query.as_str())
        })
        .collect();
    medians.sort_by(|a, b| b.0.total_cmp(&a.0));
    let slowest: Vec<String> = medians
        .iter()
        .take(5)
        .map(|(m, query)| format!("{query:?} {m:.3} ms"))
        .collect();
    println!("  slowest (median): {}", slowest.join(", "));
}

fn wasm_sizes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    match std::fs::read(root.join("www/pkg/fahras_bg.wasm")) {
        Ok(wasm) => println!(
            "release wasm (www/pkg/fahras_bg.wasm, seed index embedded): {} bytes ({} gzip); \
             scripts/bench.sh also measures it without the index",
            wasm.len(),
            gzip_len(&wasm)
        ),
        Err(_) => println!("release wasm: not built (run scripts/build-wasm.sh)"),
    }
    if let Ok(js) = std::fs::read(root.join("www/fahras.js")) {
        println!(
            "widget JS (www/fahras.js): {} bytes ({} gzip)",
            js.len(),
            gzip_len(&js)
        );
    }
}

fn bench_corpus(c: &mut Criterion, corpus: &Corpus, test_mode: bool) {
    let started = Instant::now();
    let bytes = build(&corpus.docs);
    let build_seconds = started.elapsed().as_secs_f64();
    let searcher = load(&bytes);
    let index = searcher.index();
    println!(
        "\n{}: {} documents, {} terms; index {} bytes ({} gzip); one build {:.3} s",
        corpus.name,
        index.document_count(),
        index.term_count(),
        bytes.len(),
        gzip_len(&bytes),
        build_seconds
    );
    let q = queries(corpus.queries);
    if !test_mode {
        latency_table(&searcher, &q);
    }

    let count = corpus.docs.len() as u32;
    let big = corpus.docs.len() > 10_000;
    let mut group = c.benchmark_group(&corpus.name);
    if big {
        // Slow iterations: a flat sampling of few samples, so a run takes minutes, not hours.
        group
            .sampling_mode(SamplingMode::Flat)
            .sample_size(20)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(3));
    }
    // Building 15 000+ documents takes tens of seconds: timed once above instead.
    if !big {
        group.bench_function("build", |b| {
            b.iter(|| assert!(!build(black_box(&corpus.docs)).is_empty()))
        });
    }
    group.bench_function("load", |b| {
        b.iter(|| assert_eq!(load(black_box(&bytes)).index().document_count(), count))
    });
    let options = SearchOptions::default();
    for query in &q.whole {
        group.bench_function(format!("query {query}"), |b| {
            b.iter(|| {
                let results = searcher.search(black_box(query), &options).unwrap();
                assert!(results.total > 0, "{query:?} finds nothing");
                results
            })
        });
    }
    for prefixes in &q.typing {
        let typed = prefixes.last().expect("a typed string");
        group.bench_function(format!("type {typed} ({} searches)", prefixes.len()), |b| {
            b.iter(|| {
                let mut last = 0;
                for prefix in prefixes {
                    last = searcher.search(black_box(prefix), &options).unwrap().total;
                }
                assert!(last > 0, "{typed:?} finds nothing");
            })
        });
    }
    group.finish();
}

fn main() {
    let test_mode = std::env::args().any(|a| a == "--test");
    let full = std::env::var("FAHRAS_BENCH_FULL").is_ok_and(|v| v == "1");
    let mut c = Criterion::default().configure_from_args();
    wasm_sizes();
    for corpus in corpora(full) {
        bench_corpus(&mut c, &corpus, test_mode);
    }
    c.final_summary();
}
