#!/usr/bin/env bash
# End-to-end browser tests of the narrascope UI.
#
#   e2e/run.sh                  build, ingest the sample corpus + fixtures, test
#   e2e/run.sh --screenshots    also write PNGs of the main pages to docs/screenshots/
#   NARRASCOPE_BIN=path         use this binary instead of building one
#   NARRASCOPE_UI_DIR=dir       serve the UI from dir (crates/narrascope-server/assets)
#
# Self-contained: installs Debian chromium (apt-get, when missing and run as root) and
# playwright-core (npm ci, pinned by e2e/package-lock.json; no browser download),
# builds the release binary (NARRASCOPE_BIN=path skips the build), ingests
# examples/corpus and e2e/fixtures/hostile.jsonl into a temporary database, starts
# `narrascope serve` on a free loopback port, posts the hand-written records of
# e2e/records.mjs with a one-off token, runs e2e/*.test.mjs with node's test runner,
# and stops the server. Exits non-zero when anything fails.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
shots=""
for arg in "$@"; do
  case "$arg" in
    --screenshots) shots="$root/docs/screenshots" ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "e2e: unknown argument $arg" >&2; exit 2 ;;
  esac
done

step() { printf '\n== e2e: %s\n' "$*"; }
die() { printf 'e2e: FAILED: %s\n' "$*" >&2; exit 1; }

step "tools"
chromium_bin=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x "$chromium_bin" ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "installing chromium and chromium-driver with apt-get"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null \
      || die "apt-get install chromium failed"
  else
    die "no Chromium at $chromium_bin: install Debian's chromium (apt-get install chromium chromium-driver) or set CHROMIUM"
  fi
fi
# Screenshots show Cyrillic and Devanagari: without a font for them they are boxes.
if [[ -n "$shots" ]] && ! fc-list 2>/dev/null | grep -qi "NotoSansDevanagari"; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "installing fonts-noto-core for the screenshots"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-core >/dev/null || echo "e2e: warning: no Noto fonts; screenshots may show boxes"
  fi
fi
command -v node >/dev/null || die "node is required (Debian: apt-get install nodejs npm)"
command -v npm >/dev/null || die "npm is required"
command -v curl >/dev/null || die "curl is required"
echo "chromium: $("$chromium_bin" --version 2>/dev/null | head -n 1)"
echo "node: $(node --version)"
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci in e2e/"

step "binary"
if [[ -n "${NARRASCOPE_BIN:-}" ]]; then
  bin=$NARRASCOPE_BIN
else
  (cd "$root" && cargo build --release -q -p narrascope) || die "cargo build"
  bin="${CARGO_TARGET_DIR:-$root/target}/release/narrascope"
fi
[[ -x "$bin" ]] || die "no binary at $bin"
echo "$bin"

work=$(mktemp -d -t narrascope-e2e.XXXXXX)
server=""
cleanup() {
  if [[ -n "$server" ]] && kill -0 "$server" 2>/dev/null; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

step "ingest examples/corpus and the hostile fixture"
set +e
(cd "$root" && "$bin" ingest examples/corpus e2e/fixtures/hostile.jsonl --db "$work/e2e.db" --quiet)
rc=$?
set -e
# 1 = some inputs were error records (the sample corpus has none today); more is fatal.
[[ $rc -le 1 ]] || die "narrascope ingest exited $rc"

step "serve"
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
url="http://127.0.0.1:$port"
token=$(node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))')
ui_args=()
# While editing the UI: serve assets/ from disk instead of the copy in the binary.
[[ -n "${NARRASCOPE_UI_DIR:-}" ]] && ui_args=(--assets "$NARRASCOPE_UI_DIR")
NARRASCOPE_TOKEN=$token "$bin" serve --db "$work/e2e.db" --addr "127.0.0.1:$port" "${ui_args[@]}" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 150); do
  curl -fsS "$url/api/health" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; die "the server exited"; }
  sleep 0.2
done
curl -fsS "$url/api/health" >/dev/null || { cat "$work/serve.log" >&2; die "no answer on $url/api/health"; }
echo "$url"
(cd "$here" && node seed.mjs "$url" "$token") || die "seeding the hand-written records"

step "tests"
set +e
(cd "$here" && NARRASCOPE_URL=$url NARRASCOPE_SCREENSHOTS=$shots CHROMIUM=$chromium_bin \
  node --test --test-concurrency=1 --test-reporter=spec unit.test.mjs ui.test.mjs)
rc=$?
set -e
if [[ $rc -ne 0 ]]; then
  echo "--- server log ---" >&2
  tail -n 50 "$work/serve.log" >&2
  die "browser tests failed"
fi
[[ -n "$shots" ]] && echo "screenshots: $shots"
step "passed"
