#!/usr/bin/env bash
# Runs every fahras test, installing what is missing first (scripts/setup.sh):
#   Rust unit, integration and doc tests · clippy · the wasm build · wasm-bindgen tests in
#   headless Chromium · end-to-end browser tests (playwright-core + Debian's Chromium) ·
#   benchmarks once each as a smoke check.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
step() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }

step "setup"
bash scripts/setup.sh

step "Rust: format, lints"
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings

step "Rust: unit, integration and doc tests"
cargo test --quiet

step "wasm build (www/pkg)"
bash scripts/build-wasm.sh

step "wasm API in headless Chromium (wasm-bindgen-test)"
[ -f target/toolchain.env ] && . target/toolchain.env
FAHRAS_EMBEDDED_INDEX="$PWD/target/seed.fahras" \
  cargo test --target wasm32-unknown-unknown --test wasm_api

step "widget end to end in Chromium (playwright-core)"
env -u RUSTC -u RUSTDOC -u RUSTC_BOOTSTRAP -u CARGO_UNSTABLE_BUILD_STD \
  FAHRAS_REQUIRE_REAL=1 node --test --test-concurrency=1 tests/browser/

step "benchmarks, once each (smoke check; run scripts/bench.sh for figures)"
env -u RUSTC -u RUSTDOC -u RUSTC_BOOTSTRAP -u CARGO_UNSTABLE_BUILD_STD \
  cargo bench --quiet --bench search -- --test

step "all tests passed"
