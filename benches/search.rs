//! Native benchmarks (criterion): index build time and query latency on the seed corpus.
//! Prints the index size and the release wasm size (raw and gzip) before the timings.
//!
//! `cargo bench --bench search` for figures; `cargo bench --bench search -- --test` runs each
//! once (the test command does this as a smoke check). Each timed loop asserts its result,
//! so a benchmark also checks that it measures a working search.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use fahras::{corpus, Document, Index, IndexBuilder, SearchOptions, Searcher};
use flate2::{write::GzEncoder, Compression};
use std::io::Write;
use std::path::Path;

fn gzip_len(bytes: &[u8]) -> usize {
    let mut e = GzEncoder::new(Vec::new(), Compression::best());
    e.write_all(bytes).unwrap();
    e.finish().unwrap().len()
}

fn build(docs: &[Document]) -> Vec<u8> {
    let mut b = IndexBuilder::new();
    for d in docs {
        b.add(d.clone()).unwrap();
    }
    b.finish()
}

fn sizes(index: &[u8]) {
    println!(
        "seed corpus index: {} bytes ({} gzip)",
        index.len(),
        gzip_len(index)
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    match std::fs::read(root.join("www/pkg/fahras_bg.wasm")) {
        Ok(wasm) => println!(
            "release wasm (www/pkg/fahras_bg.wasm, index embedded): {} bytes ({} gzip); without the index ≈ {} bytes",
            wasm.len(),
            gzip_len(&wasm),
            wasm.len().saturating_sub(index.len())
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

fn benches(c: &mut Criterion) {
    let docs = corpus::read_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")).unwrap();
    let bytes = build(&docs);
    sizes(&bytes);

    c.bench_function("build index (5 seed articles)", |b| {
        b.iter(|| assert!(!build(black_box(&docs)).is_empty()))
    });
    c.bench_function("load index from bytes", |b| {
        b.iter(|| {
            assert_eq!(
                Index::from_bytes(black_box(bytes.clone()))
                    .unwrap()
                    .document_count(),
                5
            )
        })
    });

    let searcher = Searcher::new(Index::from_bytes(bytes.clone()).unwrap());
    let options = SearchOptions::default();
    for query in [
        "تيليجرام",
        "داعش",
        "الارهابي",
        "تنظيم داعش تيليجرام",
        "\"جسر لندن\"",
        "تيل",
    ] {
        c.bench_function(&format!("query {query}"), |b| {
            b.iter(|| assert!(searcher.search(black_box(query), &options).unwrap().total > 0))
        });
    }
}

criterion_group!(search, benches);
criterion_main!(search);
