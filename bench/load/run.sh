#!/usr/bin/env bash
# Load test of `narrascope serve` on a 10,000-article corpus (issue 5).
#
#   bench/load/run.sh [N]        # N articles (default 10000); report in bench/out/load/
#
# 1. make_corpus.py writes N varied articles from the bundled sample corpus;
# 2. `narrascope ingest` stores them in a fresh SQLite database (timed);
# 3. `narrascope serve` listens on a free loopback port;
# 4. wrk (Debian package `wrk`) drives each endpoint for DURATION seconds with
#    CONNS connections on THREADS threads, cycling through real ids and queries
#    (lua scripts written here), and records requests/s, p50/p99 latency, errors;
# 5. the report table goes to stdout and bench/out/load/report.md.
#
# Env: NARRASCOPE_BIN (skip the build), DURATION (default 20), CONNS (default 16),
# THREADS (default 2), KEEP=1 keeps the corpus and database between runs.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-10000}"
dur="${DURATION:-20}"; conns="${CONNS:-16}"; threads="${THREADS:-2}"
out="$root/bench/out/load"; work="$out/work"
mkdir -p "$out"
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 1; }
if [ -n "${NARRASCOPE_BIN:-}" ]; then bin="$NARRASCOPE_BIN"; else
  cargo build -q --release -p narrascope --manifest-path "$root/Cargo.toml"
  bin="${CARGO_TARGET_DIR:-$root/target}/release/narrascope"
fi

if [ "${KEEP:-0}" != 1 ] || [ ! -f "$work/load.db" ]; then
  rm -rf "$work"; mkdir -p "$work"
  python3 "$root/bench/load/make_corpus.py" "$work/corpus" "$n"
  s=$(date +%s.%N)
  "$bin" ingest -q --db "$work/load.db" "$work/corpus" > "$work/ingest.log" 2>&1
  e=$(date +%s.%N)
  python3 -c "print(f'{$e - $s:.1f}')" > "$work/ingest.seconds"
fi
ingest_s=$(cat "$work/ingest.seconds")

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" serve --db "$work/load.db" --addr "127.0.0.1:$port" > "$work/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -sf "$base/api/health" >/dev/null && break; sleep 0.2; done
curl -sf "$base/api/health" >/dev/null || { cat "$work/serve.log" >&2; exit 1; }
total=$(curl -sf "$base/api/articles?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')

# Real ids and queries for the scripts: article ids, speaker ids, words of titles.
python3 - "$base" "$work" <<'PY'
import json, sys, urllib.request, random
base, work = sys.argv[1], sys.argv[2]
get = lambda p: json.load(urllib.request.urlopen(base + p))
ids = [a["id"] for off in range(0, 2000, 200) for a in get(f"/api/articles?limit=200&offset={off}")["items"]]
speakers = [s["id"] for s in get("/api/speakers?limit=200")["items"]]
words = ["grain", "talks", "sanctions", "drought", "library", "gas", "ice", "air defence",
         "harvest", "Lukashenko", "Gazprom", "glaciares", "terminal", "reservoirs", "Kyiv"]
rng = random.Random(1)
def lua(name, paths):
    with open(f"{work}/{name}.lua", "w") as f:
        f.write("local paths = {\n" + ",\n".join(json.dumps(p) for p in paths) + "\n}\n")
        f.write("local i = 0\nrequest = function()\n  i = i % #paths + 1\n"
                "  return wrk.format('GET', paths[i])\nend\n")
from urllib.parse import quote
lua("article", [f"/api/articles/{quote(i, safe='')}" for i in rng.sample(ids, min(1000, len(ids)))])
lua("search", [f"/api/search?q={quote(w)}&limit=20" for w in words]
    + [f"/api/search?q={quote(w)}&language=en&limit=20" for w in words])
lua("list", [f"/api/articles?limit=50&offset={o}" for o in range(0, 5000, 50)])
lua("speaker", [f"/api/speakers/{quote(s, safe='')}/quotes?limit=20" for s in speakers])
PY

printf '| endpoint | requests/s | p50 ms | p99 ms | requests | errors |\n|---|---|---|---|---|---|\n' > "$work/table.md"
for ep in article search list speaker; do
  wrk -t"$threads" -c"$conns" -d"${dur}s" --latency -s "$work/$ep.lua" "$base" > "$work/wrk-$ep.txt" 2>&1
  python3 - "$ep" "$work/wrk-$ep.txt" >> "$work/table.md" <<'PY'
import re, sys
ep, path = sys.argv[1], sys.argv[2]
t = open(path).read()
def ms(label):
    m = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", t, re.M)
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v * 1000 if u == "s" else v
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
reqs = int(re.search(r"(\d+) requests in", t).group(1))
errs = 0
m = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
errs += int(m.group(1)) if m else 0
m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", t)
errs += sum(map(int, m.groups())) if m else 0
names = {"article": "GET /api/articles/{id}", "search": "GET /api/search?q=…[&language=en]",
         "list": "GET /api/articles?limit=50&offset=…", "speaker": "GET /api/speakers/{id}/quotes"}
print(f"| {names[ep]} | {rps:.0f} | {ms(50):.2f} | {ms(99):.2f} | {reqs} | {errs} |")
PY
done

{
  echo "Load test: $total articles stored (ingest of $n generated articles: ${ingest_s} s),"
  echo "wrk -t$threads -c$conns -d${dur}s per endpoint, server and wrk on the same $(nproc)-core machine."
  echo
  cat "$work/table.md"
} | tee "$out/report.md"
