#!/usr/bin/env bash
# Builds the browser bundle into www/pkg/: the seed corpus index (built by the native
# `fahras build`), compiled into the wasm, wasm-bindgen's ES module, wasm-opt -Oz; and the
# minified production copy of the widget in www/dist/, whose wasm has no index compiled in.
# Run scripts/setup.sh first (scripts/serve.sh and scripts/test.sh do).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
[ -f target/toolchain.env ] && . target/toolchain.env

say() { printf '\033[1m[build-wasm]\033[0m %s\n' "$*" >&2; }

say "indexing corpus/"
# The native build must not see the wasm-only toolchain variables.
env -u RUSTC -u RUSTDOC -u RUSTC_BOOTSTRAP -u CARGO_UNSTABLE_BUILD_STD \
  cargo run --quiet --release --bin fahras -- build corpus --out target/seed.fahras

# The small build: std rebuilt for size with panics as bare traps (fahras never panics at the
# wasm boundary: errors travel as Results). Needs rust-src and RUSTC_BOOTSTRAP; if that
# fails, the ordinary build (larger, same behaviour) is used.
# `compile_wasm INDEX OUT`: the wasm with the index file INDEX compiled in (none when empty),
# through wasm-bindgen and wasm-opt, into OUT/fahras.js and OUT/fahras_bg.wasm.
wasm_dir=target/wasm-build
small_flags="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
compile_wasm() {
  local index="$1" out="$2"
  if [ "$wasm_dir" = target/wasm-build ] && ! FAHRAS_EMBEDDED_INDEX="$index" RUSTC_BOOTSTRAP=1       CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size       CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$small_flags"       cargo build --quiet --lib --target wasm32-unknown-unknown --profile wasm --target-dir "$wasm_dir"; then
    say "the size-optimized build failed (no rust-src?); building with the prebuilt std instead"
    wasm_dir=target/wasm-build-plain
  fi
  if [ "$wasm_dir" = target/wasm-build-plain ]; then
    FAHRAS_EMBEDDED_INDEX="$index" \
      cargo build --quiet --lib --target wasm32-unknown-unknown --profile wasm --target-dir "$wasm_dir"
  fi
  rm -rf "$out" && mkdir -p "$out"
  wasm-bindgen --target web --no-typescript --out-dir "$out" "$wasm_dir/wasm32-unknown-unknown/wasm/fahras.wasm"
  # npm's binaryen (wasm-opt 132); never Debian's wasm-opt 108, which breaks wasm-bindgen output.
  # --converge repeats -Oz while it shrinks the module (0.6 KB gzip); the producers and
  # target-features sections are for tools, not browsers (0.2 KB).
  node_modules/.bin/wasm-opt -Oz --converge --strip-producers --strip-target-features --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/fahras_bg.wasm" -o "$out/fahras_bg.opt.wasm"
  mv "$out/fahras_bg.opt.wasm" "$out/fahras_bg.wasm"
}

# The demo's engine: the seed corpus compiled in (the element needs no `src`).
say "compiling the wasm with the seed index (size-optimized std)"
compile_wasm "$PWD/target/seed.fahras" target/pkg
mkdir -p www/pkg
cp target/pkg/fahras.js target/pkg/fahras_bg.wasm www/pkg/
cp target/seed.fahras www/pkg/seed.fahras
# The production copy: www/dist/ has the same files and layout as www/, minified by esbuild
# (each file on its own, no bundling, so the relative URLs between them still hold; the
# widget's stylesheet is minified as CSS: scripts/minify-widget.mjs), and an engine with no
# index compiled in: a site's element names its index with `src` (`fahras build` copies
# these files by default), so the demo's index would be dead weight.
say "compiling the wasm without an index (www/dist)"
compile_wasm "" target/pkg-noindex
rm -rf www/dist && mkdir -p www/dist/pkg
for f in fahras.js fahras-worker.js; do
  node scripts/minify-widget.mjs "www/$f" "www/dist/$f"
done
node scripts/minify-widget.mjs target/pkg-noindex/fahras.js www/dist/pkg/fahras.js
cp target/pkg-noindex/fahras_bg.wasm www/pkg/seed.fahras www/dist/pkg/
raw=$(stat -c %s www/pkg/fahras_bg.wasm)
gz=$(gzip -9c www/pkg/fahras_bg.wasm | wc -c)
say "www/pkg/fahras_bg.wasm: $raw bytes ($gz gzip), index embedded: $(stat -c %s target/seed.fahras) bytes"
raw=$(stat -c %s www/dist/pkg/fahras_bg.wasm)
gz=$(gzip -9c www/dist/pkg/fahras_bg.wasm | wc -c)
say "www/dist/pkg/fahras_bg.wasm (no index): $raw bytes ($gz gzip)"
js_gz=$(cat www/dist/fahras.js | gzip -9 | wc -c)
glue_gz=$(cat www/dist/pkg/fahras.js | gzip -9 | wc -c)
worker_gz=$(cat www/dist/fahras-worker.js | gzip -9 | wc -c)
say "www/dist/: fahras.js $js_gz bytes gzip, pkg/fahras.js $glue_gz bytes gzip, fahras-worker.js $worker_gz bytes gzip (minified)"
# The demo's article pages (www/articles/), which its results open.
node scripts/demo-articles.mjs
