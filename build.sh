#!/usr/bin/env bash
# Hat Tip build script: installs what is missing, builds the extension (the engine as wasm for the
# background and the extension's pages, the plain-JS content script), runs the demo or every test. Usage:
#   ./build.sh          build dist/chrome, dist/firefox (unpacked) and their zips
#   ./build.sh demo     build, serve the demo pages and open Chromium with Hat Tip
#                       (headless without a display: screenshots go to demo-out/)
#   ./build.sh test     build, then cargo fmt/clippy, addons-linter, cargo test, each fuzz target
#                       for 20 s, the log's and the translations' node tests and the browser tests
#                       (Chromium and Firefox)
#   ./build.sh bench    build, then measure the extension on pages with and without it, next to
#                       mark.js, and the engine (wasm with bench hooks, native); BENCHMARKS.md
#   ./build.sh eval     measure language, sentiment and intent on ../shared/data next to VADER,
#                       and the engine on the corpus' dev and test splits (rewrites ACCURACY.md)
#   ./build.sh train    retrain the shipped model (src/analyze/model.bin) from data/ (~1 minute)
#   ./build.sh setup    only install the toolchain, npm packages and browsers
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen crate version in Cargo.toml
CARGO_FUZZ_VERSION=0.13.2
FUZZ_SECONDS=20                # how long `test` runs each fuzz target
export PATH="$HOME/.cargo/bin:$PATH"
log() { printf '\033[1m[hattip]\033[0m %s\n' "$*" >&2; }

setup_rust() {
  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
  for c in clippy rustfmt; do
    rustup component list --installed 2>/dev/null | grep -q "^$c" || rustup component add "$c"
  done
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 6 minutes, once)"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
  if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
    log "installing cargo-fuzz $CARGO_FUZZ_VERSION (about a minute, once)"
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force
  fi
}

# Each libFuzzer target in fuzz/ for a bounded time (the compiler's unstable flags that
# cargo-fuzz needs are allowed with RUSTC_BOOTSTRAP on a stable toolchain).
fuzz() {
  local target
  for target in $(cd fuzz && cargo fuzz list); do
    log "fuzzing $target for $FUZZ_SECONDS s"
    local out="$ROOT/target/fuzz-$target.log"
    mkdir -p "$ROOT/target"
    if ! (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" -- -max_total_time="$FUZZ_SECONDS" >"$out" 2>&1); then
      tail -40 "$out" >&2
      return 1
    fi
    tail -1 "$out" >&2
  done
}

setup_npm() {
  local stamp=node_modules/.hattip-lock.sha256
  local want; want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    log "installing npm packages"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" > "$stamp"
  fi
}

setup_browsers() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  # Spanish for Firefox's interface: the interface-language test starts Firefox in Spanish.
  compgen -G '/usr/lib/firefox-esr/browser/extensions/langpack-es-ES@*' >/dev/null || missing+=(firefox-esr-l10n-es-es)
  command -v zip >/dev/null || missing+=(zip)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} from Debian"
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

BINARYEN="$ROOT/node_modules/binaryen/bin"
FEATURES_ALL="--enable-bulk-memory --enable-bulk-memory-opt --enable-sign-ext --enable-nontrapping-float-to-int --enable-mutable-globals --enable-reference-types --enable-multivalue --enable-call-indirect-overlong"

build() {
  local gen="$ROOT/target/hattip"
  rm -rf "$gen" && mkdir -p "$gen"
  log "building the engine and pages (wasm)"
  cargo build --quiet --lib --profile wasm --target wasm32-unknown-unknown
  wasm-bindgen --target web --no-typescript --out-dir "$gen/web" target/wasm32-unknown-unknown/wasm/hattip.wasm
  node "$BINARYEN/wasm-opt" $FEATURES_ALL -Oz "$gen/web/hattip_bg.wasm" -o "$gen/web/hattip_bg.wasm"

  node scripts/assemble.mjs
  local version; version=$(node -p "require('./extension/manifest.json').version")
  (cd dist/chrome && zip -qr "../hattip-chrome-$version.zip" .)
  (cd dist/firefox && zip -qr "../hattip-firefox-$version.zip" .)
  log "built dist/chrome, dist/firefox, dist/hattip-chrome-$version.zip, dist/hattip-firefox-$version.zip"
}

# The engine without the browser layer (tools/engine-size), optimised like the extension's wasm:
# what analysis and replies cost in the download, reported by the benchmark.
engine_alone() {
  cargo build --quiet --release --manifest-path tools/engine-size/Cargo.toml \
    --target wasm32-unknown-unknown --target-dir target/engine-size
  node "$BINARYEN/wasm-opt" $FEATURES_ALL --strip-debug -Oz \
    target/engine-size/wasm32-unknown-unknown/release/hattip_engine_size.wasm -o target/engine-size/engine.wasm
}

# The engine with its benchmark hooks (`--features bench`), for tests/bench only: never shipped.
bench_wasm() {
  cargo build --quiet --lib --profile wasm --features bench --target wasm32-unknown-unknown --target-dir target/bench-wasm
  wasm-bindgen --target nodejs --no-typescript --out-dir target/bench-wasm/pkg target/bench-wasm/wasm32-unknown-unknown/wasm/hattip.wasm
  echo '{"type": "commonjs"}' > target/bench-wasm/pkg/package.json   # the glue is CommonJS
}

case "${1:-build}" in
  setup) setup_rust; setup_npm; setup_browsers ;;
  build) setup_rust; setup_npm; build ;;
  demo) setup_rust; setup_npm; setup_browsers; build; node tests/demo.mjs ;;
  test)
    setup_rust; setup_npm; setup_browsers; build
    log "format and lints (native and wasm32, warnings are errors)"
    cargo fmt --check
    cargo clippy --quiet --all-targets -- -D warnings
    cargo clippy --quiet --all-targets --features train -- -D warnings
    cargo clippy --quiet --lib --target wasm32-unknown-unknown -- -D warnings
    log "the Firefox package as addons.mozilla.org checks it (addons-linter)"
    node_modules/.bin/addons-linter dist/firefox --warnings-as-errors
    log "engine and CLI tests"
    cargo test
    log "the corpus' tests, and the shipped model is exactly what data/ and the code make"
    cargo test --quiet --features train --lib training
    cargo run --quiet --features train --bin hattip-train -- --check
    fuzz
    log "mention log and translation tests"
    node --test tests/log/ tests/i18n/
    log "browser tests (Chromium and Firefox)"
    node --test --test-concurrency=1 tests/browser/
    ;;
  bench) setup_rust; setup_npm; setup_browsers; build; engine_alone; bench_wasm; node tests/bench/run.mjs ;;
  eval)
    python3 -c "import vaderSentiment, openpyxl, langdetect" 2>/dev/null \
      || python3 -m pip install --quiet vaderSentiment==3.3.2 openpyxl==3.1.5 langdetect==1.0.9
    cargo build --quiet --release --bin hattip
    python3 scripts/evaluate.py --write
    python3 scripts/evaluate_replies.py --write
    python3 scripts/evaluate_corpus.py --write
    ;;
  train) setup_rust; cargo run --quiet --release --features train --bin hattip-train ;;
  *) echo "usage: ./build.sh [build|demo|test|bench|eval|train|setup]" >&2; exit 2 ;;
esac
