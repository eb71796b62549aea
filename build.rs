//! Tells the wasm build where the embedded index is, and writes the data lists fahras
//! compiles in without their comment lines.
//!
//! `scripts/build-wasm.sh` builds the seed corpus index with the native `fahras build` and
//! sets `FAHRAS_EMBEDDED_INDEX` to its path; `src/wasm.rs` compiles those bytes in. Without
//! the variable (or with it empty) an empty file is embedded and `SearchEngine.embedded()` reports that this
//! build has no index.
//!
//! The lists of `data/` that are fahras's own (aliases, broken plurals, stemmer keep lists,
//! English stop words, the Arabic ones fahras adds) are compiled in from `OUT_DIR`, without the comment and blank lines that every
//! reader of them skips anyway: in the wasm they would only be weight. (The Arabic stop
//! words, Lucene's, keep their licence header.)
use std::path::{Path, PathBuf};

/// The lists written to `OUT_DIR` without comments.
const LISTS: &[&str] = &[
    "aliases.tsv",
    "plurals.txt",
    "stem-keep-prefix.txt",
    "stem-keep-suffix.txt",
    "stopwords-en.txt",
    "stopwords-ar-fahras.txt",
];

fn main() {
    println!("cargo:rerun-if-env-changed=FAHRAS_EMBEDDED_INDEX");
    println!("cargo:rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for name in LISTS {
        let path = Path::new("data").join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("data/ lists are readable UTF-8");
        let kept: String = text
            .lines()
            .filter(|line| {
                let line = line.trim();
                !line.is_empty() && !line.starts_with('#')
            })
            .flat_map(|line| [line, "\n"])
            .collect();
        std::fs::write(out.join(name), kept).expect("OUT_DIR is writable");
    }
    let path = match std::env::var_os("FAHRAS_EMBEDDED_INDEX").filter(|p| !p.is_empty()) {
        Some(path) => {
            let path = PathBuf::from(path);
            println!("cargo:rerun-if-changed={}", path.display());
            path
        }
        None => {
            let empty = out.join("no-index.fahras");
            std::fs::write(&empty, b"").expect("OUT_DIR is writable");
            empty
        }
    };
    println!(
        "cargo:rustc-env=FAHRAS_EMBEDDED_INDEX_PATH={}",
        path.display()
    );
}
