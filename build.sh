#!/usr/bin/env bash
# Hat Tip build script: installs what is missing, builds both extension builds, runs the demo or
# every test. Usage:
#   ./build.sh          build dist/chrome, dist/firefox (unpacked) and their zips
#   ./build.sh demo     build, serve the demo pages and open Chromium with Hat Tip
#                       (headless without a display: screenshots go to demo-out/)
#   ./build.sh test     build, then cargo test and the browser tests (Chromium and Firefox)
#   ./build.sh bench    build, then benchmark the highlighter against mark.js and a RegExp peer
#   ./build.sh eval     measure language, sentiment and intent on ../shared/data next to VADER
#                       (prints the table and rewrites it in ACCURACY.md)
#   ./build.sh setup    only install the toolchain, npm packages and browsers
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen crate version in Cargo.toml
export PATH="$HOME/.cargo/bin:$PATH"
log() { printf '\033[1m[hattip]\033[0m %s\n' "$*" >&2; }

setup_rust() {
  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 6 minutes, once)"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
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
FEATURES_MVP="--enable-bulk-memory --enable-bulk-memory-opt --enable-sign-ext --enable-nontrapping-float-to-int --enable-mutable-globals"

build() {
  local gen="$ROOT/target/hattip"
  rm -rf "$gen" && mkdir -p "$gen"
  log "building the wasm flavour"
  cargo build --quiet --lib --profile wasm --target wasm32-unknown-unknown
  wasm-bindgen --target web --no-typescript --out-dir "$gen/web" target/wasm32-unknown-unknown/wasm/hattip.wasm
  node "$BINARYEN/wasm-opt" $FEATURES_ALL -Oz "$gen/web/hattip_bg.wasm" -o "$gen/web/hattip_bg.wasm"

  # The wasm2js flavour (Chrome pages whose CSP forbids wasm): no reference types (wasm2js has
  # one table only) and no target_features section, else wasm-bindgen expects externref tables.
  log "building the wasm2js flavour"
  RUSTFLAGS="--cfg=web_sys_unstable_apis -C target-cpu=mvp" CARGO_PROFILE_WASM_STRIP=true \
    cargo build --quiet --lib --profile wasm --target wasm32-unknown-unknown --target-dir target/w2j
  wasm-bindgen --target bundler --no-typescript --out-dir "$gen/w2j" target/w2j/wasm32-unknown-unknown/wasm/hattip.wasm
  node "$BINARYEN/wasm-opt" $FEATURES_MVP -Oz "$gen/w2j/hattip_bg.wasm" -o "$gen/w2j/hattip_bg.opt.wasm"
  node "$BINARYEN/wasm2js" $FEATURES_MVP -Oz "$gen/w2j/hattip_bg.opt.wasm" -o "$gen/w2j/hattip_bg.raw.js"
  node scripts/patch-wasm2js.mjs "$gen/w2j/hattip_bg.raw.js" "$gen/w2j/hattip_bg.wasm.js"

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

case "${1:-build}" in
  setup) setup_rust; setup_npm; setup_browsers ;;
  build) setup_rust; setup_npm; build ;;
  demo) setup_rust; setup_npm; setup_browsers; build; node tests/demo.mjs ;;
  test)
    setup_rust; setup_npm; setup_browsers; build
    log "engine and CLI tests"
    cargo test
    log "browser tests (Chromium and Firefox)"
    node --test --test-concurrency=1 tests/browser/
    ;;
  bench) setup_rust; setup_npm; setup_browsers; build; engine_alone; node tests/bench/run.mjs ;;
  eval)
    python3 -c "import vaderSentiment, openpyxl, langdetect" 2>/dev/null \
      || python3 -m pip install --quiet vaderSentiment==3.3.2 openpyxl==3.1.5 langdetect==1.0.9
    cargo build --quiet --release --bin hattip
    python3 scripts/evaluate.py --write
    python3 scripts/evaluate_replies.py --write
    ;;
  *) echo "usage: ./build.sh [build|demo|test|bench|eval|setup]" >&2; exit 2 ;;
esac
