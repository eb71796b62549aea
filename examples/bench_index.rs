//! Writes a benchmark corpus as an index file (for `bench/`, the in-browser benchmark), with
//! a JSON sidecar of its figures (`<out>.json`: documents, terms, build time, bytes).
//!
//! ```text
//! cargo run --release --example bench_index -- --corpus seeds --out bench/out/seeds.fahras
//! cargo run --release --example bench_index -- --corpus gen --docs 15000 --out bench/out/gen15k.fahras
//! cargo run --release --example bench_index -- --corpus quran --quran-json …/dist/quran.json --out bench/out/quran.fahras
//! ```
//!
//! `--seed N` changes the generated corpus (default: the one the figures in the README were
//! measured with); `--dump-json DIR` also writes the documents as `corpus/`-style records;
//! `--df WORD,WORD…` prints how many documents have each word (exactly, after normalization).
//! The corpora are described in `benches/corpus_gen.rs`. The index is built as `fahras build`
//! builds one (`IndexBuilder::new().with_default_extractors()`).

#[path = "../benches/corpus_gen.rs"]
mod corpus_gen;

use fahras::{Index, IndexBuilder};
use flate2::{write::GzEncoder, Compression};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn gzip_len(bytes: &[u8]) -> usize {
    let mut e = GzEncoder::new(Vec::new(), Compression::best());
    e.write_all(bytes).unwrap();
    e.finish().unwrap().len()
}

fn usage(problem: &str) -> ! {
    eprintln!(
        "bench_index: {problem}\nusage: bench_index --corpus seeds|gen|quran [--docs N] [--seed N] \
         [--quran-json FILE] [--dump-json DIR] [--df WORD,WORD…] --out FILE"
    );
    std::process::exit(2)
}

fn main() {
    let mut corpus = None;
    let mut docs = 15_000usize;
    let mut seed = corpus_gen::DEFAULT_SEED;
    let mut quran = None;
    let mut out = None;
    let mut dump = None;
    let mut df_words: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .unwrap_or_else(|| usage(&format!("{arg} needs a value")))
        };
        match arg.as_str() {
            "--corpus" => corpus = Some(value()),
            "--docs" => docs = value().parse().unwrap_or_else(|_| usage("--docs N")),
            "--seed" => seed = value().parse().unwrap_or_else(|_| usage("--seed N")),
            "--quran-json" => quran = Some(PathBuf::from(value())),
            "--out" => out = Some(PathBuf::from(value())),
            "--dump-json" => dump = Some(PathBuf::from(value())),
            "--df" => df_words = value().split(',').map(str::to_owned).collect(),
            _ => usage(&format!("unknown argument {arg}")),
        }
    }
    let out = out.unwrap_or_else(|| usage("--out FILE is required"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = corpus_gen::seed_documents(root);
    let started = Instant::now();
    let documents = match corpus.as_deref() {
        Some("seeds") => seeds,
        Some("gen") => corpus_gen::generated_documents(&seeds, docs, seed),
        Some("quran") => {
            let path = quran.unwrap_or_else(|| usage("--corpus quran needs --quran-json FILE"));
            corpus_gen::quran_documents(&path).unwrap_or_else(|e| {
                eprintln!("bench_index: {e}");
                std::process::exit(1)
            })
        }
        _ => usage("--corpus seeds|gen|quran"),
    };
    let prepare_seconds = started.elapsed().as_secs_f64();
    if let Some(dir) = dump {
        std::fs::create_dir_all(&dir).expect("--dump-json directory");
        for d in &documents {
            let json = serde_json::to_string_pretty(d).expect("a document serializes");
            std::fs::write(dir.join(format!("{}.json", d.id)), json).expect("writing a record");
        }
    }
    let words: usize = documents
        .iter()
        .map(|d| {
            std::iter::once(&d.title)
                .chain(&d.body)
                .map(|t| t.split_whitespace().count())
                .sum::<usize>()
        })
        .sum();

    let started = Instant::now();
    let mut builder = IndexBuilder::new().with_default_extractors();
    let count = documents.len();
    for d in documents {
        builder.add(d).expect("a valid document");
    }
    let bytes = builder.finish();
    let build_seconds = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let index = Index::from_bytes(bytes.clone()).expect("the index reads back");
    let load_ms = started.elapsed().as_secs_f64() * 1e3;
    let gzip = gzip_len(&bytes);
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).expect("the output directory");
    }
    std::fs::write(&out, &bytes).expect("writing the index");
    let name = out
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let sidecar = serde_json::json!({
        "name": name,
        "corpus": corpus,
        "documents": count,
        "words": words,
        "terms": index.term_count(),
        "bytes": bytes.len(),
        "gzipBytes": gzip,
        "prepareSeconds": prepare_seconds,
        "buildSeconds": build_seconds,
        "nativeLoadMs": load_ms,
        "seed": if corpus.as_deref() == Some("gen") { Some(seed) } else { None },
    });
    let analyzer = fahras::text::Analyzer::default();
    for w in &df_words {
        let term = analyzer
            .analyze(w)
            .first()
            .map(|t| t.term.clone())
            .unwrap_or_default();
        let df = index
            .term_ordinal(&term)
            .map_or(0, |o| index.doc_frequency(o).unwrap());
        println!(
            "  df({w}) = {df} ({:.2} % of documents)",
            100.0 * df as f64 / count as f64
        );
    }
    let mut sidecar_path = out.clone().into_os_string();
    sidecar_path.push(".json");
    std::fs::write(
        &sidecar_path,
        serde_json::to_string_pretty(&sidecar).unwrap(),
    )
    .expect("writing the sidecar");
    println!(
        "{name}: {count} documents, {words} words, {} terms; built in {build_seconds:.2} s \
         (prepared in {prepare_seconds:.2} s), loaded in {load_ms:.1} ms; {} bytes ({gzip} gzip) → {}",
        index.term_count(),
        bytes.len(),
        out.display()
    );
}
