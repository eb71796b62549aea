#!/usr/bin/env bash
# Installs what fahras needs to build and test, skipping whatever is already there.
#
#   scripts/setup.sh            everything: wasm toolchain, wasm-bindgen CLI, npm tools, Chromium, Firefox ESR
#   scripts/setup.sh --no-browser   no Chromium / chromedriver / Firefox (serving the demo does not need them)
#
# Writes the environment the wasm build needs to target/toolchain.env, which
# scripts/build-wasm.sh sources. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130   # must equal the `wasm-bindgen = "=…"` pin in Cargo.toml
want_browser=1
[ "${1:-}" = "--no-browser" ] && want_browser=0

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[setup] %s\033[0m\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
apt_updated=0
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! have apt-get; then
    die "please install: ${missing[*]} (no apt-get on this machine)"
  fi
  if [ "$apt_updated" = 0 ]; then
    say "apt-get update"
    $SUDO apt-get update -qq >&2 || die "apt-get update failed; install by hand: ${missing[*]}"
    apt_updated=1
  fi
  say "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 \
    || die "could not install ${missing[*]}; install them by hand"
}

have cargo || die "cargo not found: install Rust from https://rustup.rs (stable), then run this again"
mkdir -p target
env_file=target/toolchain.env
: > "$env_file.tmp"

# 1. The wasm32 target: rustup first (with a timeout), Debian's rustc-web + build-std as the fallback.
if have rustup && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "wasm32-unknown-unknown target: installed"
elif have rustup && timeout 120 rustup target add wasm32-unknown-unknown >&2; then
  say "wasm32-unknown-unknown target: added with rustup"
else
  say "rustup could not add the wasm32 target; falling back to Debian's rustc-web with build-std"
  apt_install rustc-web cargo-web rust-web-src lld-22
  {
    echo "export RUSTC=/usr/bin/rustc"
    echo "export RUSTDOC=/usr/bin/rustdoc"
    echo "export RUSTC_BOOTSTRAP=1"
    echo "export CARGO_UNSTABLE_BUILD_STD=std,panic_abort"
  } >> "$env_file.tmp"
  if ! have rust-lld && [ ! -e /usr/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld ]; then
    echo "export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-22" >> "$env_file.tmp"
  fi
fi
mv "$env_file.tmp" "$env_file"
# std's sources, for the size-optimized wasm build (scripts/build-wasm.sh falls back without them).
if have rustup && ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
  timeout 120 rustup component add rust-src >&2 || say "rust-src unavailable: the wasm will be built with the larger prebuilt std"
fi

# 2. wasm-bindgen CLI, the exact version of the crate.
export PATH="$HOME/.cargo/bin:$PATH"
if have wasm-bindgen && wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  say "wasm-bindgen $WASM_BINDGEN_VERSION: installed"
else
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # No --locked: the registry mirror here lacks one locked dependency version.
  cargo install -q wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" >&2 \
    || die "could not install wasm-bindgen-cli $WASM_BINDGEN_VERSION; try: cargo install wasm-bindgen-cli --version $WASM_BINDGEN_VERSION"
fi

# 3. npm tools: wasm-opt (binaryen 132; never Debian's wasm-opt 108, it breaks wasm-bindgen output),
#    playwright-core (drives Debian's Chromium), puppeteer-core (drives Debian's Firefox ESR
#    over WebDriver BiDi), axe-core.
have npm || apt_install nodejs npm
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
   || [ ! -d node_modules/puppeteer-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error >&2 || die "npm ci failed"
else
  say "npm packages: installed"
fi

# 4. Chromium and chromedriver for the browser tests, Firefox ESR for the same widget in
#    Gecko; Noto fonts so Arabic screenshots look like a news site.
if [ "$want_browser" = 1 ]; then
  if have chromium && have chromedriver && have firefox-esr && fc-list :lang=ar 2>/dev/null | grep -qi noto; then
    say "chromium, chromedriver, firefox-esr, Noto Arabic fonts: installed"
  else
    apt_install chromium chromium-driver firefox-esr fonts-noto-core
  fi
fi
say "ready"
