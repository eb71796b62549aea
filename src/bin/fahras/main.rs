//! `fahras`: index a site's articles for the `<fahras-search>` widget, and search, inspect
//! and analyze from a terminal with the same engine as the browser.
//!
//! ```text
//! fahras build <inputs…> --out <dir>       a folder to upload: widget, wasm, index
//! fahras build <inputs…> --out <file>.fahras   only the index
//! fahras search <index or folder> "<query>" [--limit N] [--sort newest] [--filter f=v] [--facet f]
//! fahras inspect <index or folder>
//! fahras analyze "<text>"
//! ```
//!
//! Exit status: 0 success, 1 the build (or search) failed, 2 a usage error.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The command line is native only. This stub lets `cargo test --target wasm32-unknown-unknown`
/// (which builds every binary of the package) compile.
#[cfg(target_arch = "wasm32")]
fn main() {}
