//! Where the time of one query goes, natively: runs a query many times on an index file and
//! times its phases through the public API, for profiling (`perf record`) and for the
//! "where time goes" notes of the README's Performance section.
//!
//! ```text
//! cargo run --release --example bench_profile -- bench/out/gen15k.fahras "داعش" [iterations]
//! perf record --call-graph dwarf target/release/examples/bench_profile bench/out/gen15k.fahras "داعش" 200 search
//! ```
//!
//! With a fourth argument `search [LIMIT]`, it only runs `search` (limit 10) `ITERATIONS` times, so
//! that a profile shows nothing else (`FAHRAS_FACETS=1` also counts every facet, as the widget
//! does, and `FAHRAS_FACET_LIMIT=N` sets `facet_limit`); with `load`, only
//! `Searcher::new(Index::from_bytes(…))`.
//!
//! Phases (each timed on its own, so they overlap what `search` does but are not exactly its
//! parts): the whole `search` with limit 10 and with limit 1 (their difference is about 9
//! hits' document decoding and snippets); expanding each word to index terms (exact, stem,
//! variant, prefix and typo tiers: dictionary work); walking the postings of those terms
//! (decoding, no scoring); and `Searcher::new` (what loading costs beyond reading bytes).

use fahras::search::matcher::WordMatcher;
use fahras::search::query;
use fahras::{Index, SearchOptions, Searcher};
use std::hint::black_box;
use std::time::Instant;

/// The fastest of `runs` runs, in ms.
fn fastest<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    (0..runs)
        .map(|_| {
            let started = Instant::now();
            black_box(f());
            started.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}

fn time<T>(iterations: usize, mut f: impl FnMut() -> T) -> f64 {
    let started = Instant::now();
    for _ in 0..iterations {
        black_box(f());
    }
    started.elapsed().as_secs_f64() * 1e3 / iterations as f64
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: bench_profile INDEX.fahras QUERY [ITERATIONS]");
        std::process::exit(2);
    }
    let iterations: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(200);
    let bytes = std::fs::read(&args[0]).expect("the index file");
    let query = &args[1];

    if args.get(3).is_some_and(|a| a == "load") {
        let ms = time(iterations, || {
            Searcher::new(Index::from_bytes(bytes.clone()).unwrap())
                .index()
                .document_count()
        });
        println!("load: {ms:.3} ms");
        return;
    }
    if args.get(3).is_some_and(|a| a == "search") {
        let searcher = Searcher::new(Index::from_bytes(bytes).unwrap());
        let options = SearchOptions {
            limit: args.get(4).and_then(|n| n.parse().ok()).unwrap_or(10),
            facets: if std::env::var_os("FAHRAS_FACETS").is_some() {
                vec!["*".into()]
            } else {
                Vec::new()
            },
            facet_limit: std::env::var("FAHRAS_FACET_LIMIT")
                .ok()
                .and_then(|n| n.parse().ok()),
            ..SearchOptions::default()
        };
        let ms = time(iterations, || searcher.search(query, &options).unwrap());
        println!("search {query:?}: {ms:.3} ms");
        return;
    }
    let load_read = fastest(5, || Index::from_bytes(bytes.clone()).unwrap());
    let load_all = fastest(5, || {
        Searcher::new(Index::from_bytes(bytes.clone()).unwrap())
    });
    let searcher = Searcher::new(Index::from_bytes(bytes.clone()).unwrap());
    let index = searcher.index();
    let analyzer = searcher.analyzer();

    let ten = SearchOptions::default();
    let one = SearchOptions {
        limit: 1,
        ..SearchOptions::default()
    };
    let results = searcher.search(query, &ten).unwrap();
    let search10 = time(iterations, || searcher.search(query, &ten).unwrap());
    let search1 = time(iterations, || searcher.search(query, &one).unwrap());

    // The words as the searcher sees them (the last one as a prefix unless followed by a space).
    let parsed = query::parse(query);
    let atoms: Vec<&query::Atom> = parsed
        .required
        .iter()
        .flatten()
        .chain(&parsed.excluded)
        .collect();
    let mut words: Vec<WordMatcher> = Vec::new();
    for (a, atom) in atoms.iter().enumerate() {
        let tokens = analyzer.analyze(&atom.text);
        for (t, token) in tokens.iter().enumerate() {
            let last = a + 1 == parsed.required.iter().flatten().count() && t + 1 == tokens.len();
            words.push(WordMatcher::new(
                analyzer,
                &token.term,
                last && parsed.last_is_prefix,
            ));
        }
    }
    let expand = time(iterations, || {
        words
            .iter()
            .map(|w| w.clone().expand(index, analyzer).unwrap().len())
            .sum::<usize>()
    });
    let expansions: Vec<Vec<(u64, f32)>> = words
        .iter()
        .map(|w| w.clone().expand(index, analyzer).unwrap())
        .collect();
    let mut postings = 0usize;
    for e in &expansions {
        for &(o, _) in e {
            postings += index.doc_frequency(o).unwrap();
        }
    }
    let walk = time(iterations, || {
        let mut n = 0usize;
        for e in &expansions {
            for &(o, _) in e {
                index
                    .for_each_posting(o, |d, f| n += d as usize + f.len())
                    .unwrap();
            }
        }
        n
    });
    println!(
        "{}: {} documents, {} terms, {} bytes",
        args[0],
        index.document_count(),
        index.term_count(),
        bytes.len()
    );
    println!(
        "query {query:?}: {} results; words {:?}; terms matched per word {:?}; postings walked {postings}",
        results.total,
        words.iter().map(|w| w.term.as_str()).collect::<Vec<_>>(),
        expansions.iter().map(Vec::len).collect::<Vec<_>>()
    );
    println!("  search, limit 10      {search10:9.3} ms");
    println!(
        "  search, limit 1       {search1:9.3} ms   (9 more hits: {:.3} ms)",
        search10 - search1
    );
    println!("  expand words → terms  {expand:9.3} ms");
    println!("  walk their postings   {walk:9.3} ms   (decode only, no scoring)");
    println!(
        "  load (fastest of 5, copying the bytes included): Index::from_bytes {load_read:.2} ms, \
         with Searcher::new {load_all:.2} ms"
    );
}
