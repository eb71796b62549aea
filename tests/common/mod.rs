//! Shared by the integration tests: the seed corpus and its index, built once per test binary.
#![allow(dead_code)] // each test binary uses a part

use fahras::{corpus, Document, Index, Searcher};
use std::path::Path;
use std::sync::OnceLock;

/// The seed corpus records (`corpus/`).
pub fn documents() -> &'static [Document] {
    static DOCS: OnceLock<Vec<Document>> = OnceLock::new();
    DOCS.get_or_init(|| {
        corpus::read_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")).unwrap()
    })
}

/// A searcher over the seed corpus, indexed as `scripts/build-wasm.sh` indexes it.
pub fn seed_searcher() -> &'static Searcher {
    static SEARCHER: OnceLock<Searcher> = OnceLock::new();
    SEARCHER.get_or_init(|| {
        let bytes =
            corpus::build_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")).unwrap();
        Searcher::new(Index::from_bytes(bytes).unwrap())
    })
}
