//! Tells the wasm build where the embedded index is.
//!
//! `scripts/build-wasm.sh` builds the seed corpus index with the native `fahras build` and
//! sets `FAHRAS_EMBEDDED_INDEX` to its path; `src/wasm.rs` compiles those bytes in. Without
//! the variable an empty file is embedded and `SearchEngine.embedded()` reports that this
//! build has no index.
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=FAHRAS_EMBEDDED_INDEX");
    println!("cargo:rerun-if-changed=build.rs");
    let path = match std::env::var_os("FAHRAS_EMBEDDED_INDEX") {
        Some(path) => {
            let path = PathBuf::from(path);
            println!("cargo:rerun-if-changed={}", path.display());
            path
        }
        None => {
            let empty = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
                .join("no-index.fahras");
            std::fs::write(&empty, b"").expect("OUT_DIR is writable");
            empty
        }
    };
    println!(
        "cargo:rustc-env=FAHRAS_EMBEDDED_INDEX_PATH={}",
        path.display()
    );
}
