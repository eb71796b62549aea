#!/usr/bin/env bash
# Runs the fahras benchmarks end to end and prints the figures (README.md, "Performance",
# says what they mean). Nothing here is a test: no figure fails the run.
#
#   scripts/bench.sh                 everything (about 15–25 minutes on 2 cores)
#   scripts/bench.sh --no-native     skip the criterion benchmarks
#   scripts/bench.sh --no-browser    skip the in-browser benchmark
#
# 1. setup (scripts/setup.sh) and the wasm build (scripts/build-wasm.sh → www/pkg/, and
#    www/dist/ with the wasm without the embedded seed index);
# 2. sizes: that wasm against the demo's, with the seed index;
# 3. corpora → bench/out/*.fahras (examples/bench_index.rs): the seed articles, the Quran
#    (npm's quran-json, fetched once into a cache outside the repository; skipped with a
#    message if it cannot be fetched), and generated news-like corpora of 15 000 and 50 000
#    documents (benches/corpus_gen.rs);
# 4. the in-browser benchmark in headless Chromium (bench/run.mjs → bench/out/results.json);
# 5. the native criterion benchmarks on the same corpora (benches/search.rs, FAHRAS_BENCH_FULL=1).
#
# Environment: FAHRAS_BENCH_CACHE (default ~/.cache/fahras-bench) for the download;
# FAHRAS_BENCH_SIZES (default "15000 50000") for the generated corpora; CARGO_TARGET_DIR for
# the native builds; CHROMIUM for the browser.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
say() { printf '\033[1m[bench]\033[0m %s\n' "$*" >&2; }

native=1
browser=1
for arg in "$@"; do
  case "$arg" in
    --no-native) native=0 ;;
    --no-browser) browser=0 ;;
    *) echo "usage: scripts/bench.sh [--no-native] [--no-browser]" >&2; exit 2 ;;
  esac
done

OUT=bench/out
CACHE="${FAHRAS_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fahras-bench}"
SIZES="${FAHRAS_BENCH_SIZES:-15000 50000}"
QURAN_VERSION=3.1.2
mkdir -p "$OUT" "$CACHE"

# Native cargo commands must not see the wasm-only toolchain variables.
native_cargo() { env -u RUSTC -u RUSTDOC -u RUSTC_BOOTSTRAP -u CARGO_UNSTABLE_BUILD_STD cargo "$@"; }

# 1. Setup and the wasm build.
# (Both use target/ itself: they must not see a CARGO_TARGET_DIR meant for the native builds.)
say "setup"
env -u CARGO_TARGET_DIR bash scripts/setup.sh
say "wasm build (www/pkg)"
env -u CARGO_TARGET_DIR bash scripts/build-wasm.sh

# 2. The wasm without the embedded index, for the size of the widget's code alone: the one
#    scripts/build-wasm.sh builds for www/dist/. The difference between the two wasm files is
#    checked against the index size (it should be the index, give or take alignment).
NOINDEX=target/pkg-noindex
with=$(stat -c %s www/pkg/fahras_bg.wasm)
without=$(stat -c %s "$NOINDEX/fahras_bg.wasm")
seed=$(stat -c %s www/pkg/seed.fahras)
say "wasm: $with bytes with the seed index, $without without; difference $((with - without)), index $seed"
if [ $((with - without - seed)) -gt 4096 ] || [ $((with - without - seed)) -lt -4096 ]; then
  say "warning: the difference is not the index: the two builds of scripts/build-wasm.sh differ"
fi
export FAHRAS_WASM_NO_INDEX="$PWD/$NOINDEX/fahras_bg.wasm"

# 3. Corpora.
QURAN_JSON="$CACHE/quran-json-$QURAN_VERSION/quran.json"
if [ ! -s "$QURAN_JSON" ]; then
  say "fetching npm quran-json@$QURAN_VERSION into $CACHE"
  if (cd "$CACHE" && timeout 300 npm pack "quran-json@$QURAN_VERSION" --silent >/dev/null \
      && mkdir -p "quran-json-$QURAN_VERSION" \
      && tar xzf "quran-json-$QURAN_VERSION.tgz" -O package/dist/quran.json > "quran-json-$QURAN_VERSION/quran.json.tmp" \
      && tar xzf "quran-json-$QURAN_VERSION.tgz" -O package/LICENSE.txt > "quran-json-$QURAN_VERSION/LICENSE.txt" \
      && mv "quran-json-$QURAN_VERSION/quran.json.tmp" "quran-json-$QURAN_VERSION/quran.json"); then
    say "quran-json: $(stat -c %s "$QURAN_JSON") bytes"
  else
    say "could not fetch quran-json (offline?): continuing without the Quran corpus"
    rm -f "$OUT/quran.fahras" "$OUT/quran.fahras.json"
  fi
fi

say "building the corpus tool (examples/bench_index.rs)"
native_cargo build --quiet --release --example bench_index
TOOL="${CARGO_TARGET_DIR:-target}/release/examples/bench_index"
# An index is rebuilt when the tool is newer (the code or the format changed) or it is missing.
index() {
  local name=$1; shift
  if [ -s "$OUT/$name.fahras" ] && [ -s "$OUT/$name.fahras.json" ] && [ "$OUT/$name.fahras" -nt "$TOOL" ]; then
    say "$name: up to date ($OUT/$name.fahras)"
  else
    say "$name: building"
    "$TOOL" "$@" --out "$OUT/$name.fahras"
  fi
}
index seeds --corpus seeds
[ -s "$QURAN_JSON" ] && index quran --corpus quran --quran-json "$QURAN_JSON"
for n in $SIZES; do
  index "gen$((n / 1000))k" --corpus gen --docs "$n"
done

# 4. In the browser.
if [ "$browser" = 1 ]; then
  say "in-browser benchmark (headless Chromium); load average $(cut -d' ' -f1-3 /proc/loadavg)"
  node bench/run.mjs | tee "$OUT/browser.txt"
fi

# 5. Native.
if [ "$native" = 1 ]; then
  say "native benchmarks (criterion); load average $(cut -d' ' -f1-3 /proc/loadavg)"
  corpora="seeds"
  [ -s "$QURAN_JSON" ] && corpora="$corpora,quran"
  for n in $SIZES; do corpora="$corpora,gen$((n / 1000))k"; done
  FAHRAS_BENCH_FULL=1 FAHRAS_QURAN_JSON="$QURAN_JSON" FAHRAS_BENCH_CORPORA="$corpora" \
    native_cargo bench --quiet --bench search 2>&1 | tee "$OUT/native.txt"
fi

say "done (load average $(cut -d' ' -f1-3 /proc/loadavg)): bench/out/results.json (browser), bench/out/native.txt, bench/out/browser.txt"
