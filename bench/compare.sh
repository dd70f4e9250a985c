#!/usr/bin/env bash
# Noodbel against a Node peer doing the same durable work per Twilio reply (bench/peer/peer.js:
# express + better-sqlite3 + the official twilio package), measured side by side in one run:
# for each measurement (a fixed rate and peak, each at several connection counts) the two
# systems alternate (Noodbel, peer, Noodbel, peer, ...), each on a fresh copy of a database
# made once from the same families, driven by the same load generator (webhook_load, fresh
# MessageSids every run), with the same SQLite durability (WAL + --synchronous), sending their
# acknowledgements to the same local fake provider (bench/peer/sink.js).
# Per run: req/s achieved, p50/p99 latency, errors (non-200), duplicates the service saw,
# CPU time per answered request (utime+stime of the server process, including draining the
# outbox after the load), peak RSS (VmHWM). Prints both systems, the ratios and the machine.
#
# Usage: bench/compare.sh [--rounds N] [--seconds S] [--rate R] [--connections "16 256"]
#                         [--families N] [--synchronous FULL|NORMAL] [--out DIR]
# Defaults: 2 rounds, 20 s per run, 1,000 req/s, 16 and 256 connections, 10,000 families,
# synchronous FULL (both systems get the same: the peer's --synchronous, Noodbel's
# [database] synchronous). Run it on a quiet machine: nothing else compiling.
# Needs Node (>= 20) and npm; installs bench/peer/node_modules (npm ci) itself, never
# scripts/run or scripts/test.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=2 seconds=20 rate=1000 connections="16 256" families=10000 synchronous="" out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2" ;;
    --seconds) seconds="$2" ;;
    --rate) rate="$2" ;;
    --connections) connections="$2" ;;
    --families) families="$2" ;;
    --synchronous) synchronous="$2" ;;
    --out) out="$2" ;;
    *) echo "unknown option $1 (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
  shift 2
done

echo "building Noodbel (scripts/build bench) ..." >&2
scripts/build bench >/dev/null
bin="$(realpath build/bench/noodbel)"
load="$(realpath build/bench/bench/webhook_load)"
# npm ci only when the lock file changed since the last install: better-sqlite3 has no
# prebuilt binary that installs here and compiles its SQLite from source (build-essential and
# python3, from scripts/install-deps), which takes minutes.
if [ ! -f bench/peer/node_modules/.package-lock.json ] ||
   [ bench/peer/package-lock.json -nt bench/peer/node_modules/.package-lock.json ]; then
  echo "installing the peer (bench/peer, npm ci) ..." >&2
  (cd bench/peer && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
peer="$(realpath bench/peer/peer.js)"

out="${out:-build/bench/compare-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$out"
out="$(realpath "$out")"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/noodbel-compare.XXXXXX")"
source bench/lib.sh  # sets $synchronous (FULL unless --synchronous or SYNCHRONOUS say)
pid="" sink=""
cleanup() { stop "$pid"; stop "$sink"; rm -rf "$tmp"; }
trap cleanup EXIT

make_families "$families"
noodbel_template "$bin"
node "$peer" init --db "$tmp/peer-template.db" --families "$tmp/families.csv" \
  --synchronous "$synchronous"
sink_port="$(free_port)"
node bench/peer/sink.js "$sink_port" &
sink=$!
api="http://127.0.0.1:$sink_port"

# start SYSTEM PORT: a fresh copy of its database and the server on it; sets pid.
start() {
  if [ "$1" = noodbel ]; then
    fresh_copy "$tmp/noodbel-template.db" "$tmp/run.db"
    noodbel_config "$tmp/run.db" "$2" "$api" >"$tmp/noodbel.toml"
    "$bin" serve --config "$tmp/noodbel.toml" >/dev/null 2>>"$out/noodbel.log" &
  else
    fresh_copy "$tmp/peer-template.db" "$tmp/run.db"
    node "$peer" serve --db "$tmp/run.db" --port "$2" --token "$token" --api-base-url "$api" \
      --public-url "http://127.0.0.1:$2/webhooks/twilio" --synchronous "$synchronous" \
      >/dev/null 2>>"$out/peer.log" &
  fi
  pid=$!
  wait_healthy "$2"
}

# run SYSTEM MEASUREMENT RATE CONNECTIONS ROUND: one measurement, one row of results.tsv.
run() {
  local port report before after drained
  port="$(free_port)"
  start "$1" "$port"
  if [ "$1" = noodbel ]; then open_call "$port"; fi  # the peer has no calls: it acks every reply
  wait_drained "$port" >/dev/null  # the 500 call messages are not part of the measurement
  report="$out/$2-$1-$5.txt"
  before="$(cpu_ticks "$pid")"
  "$load" --port "$port" --public-url "http://127.0.0.1:$port/webhooks/twilio" --token "$token" \
    --numbers "$tmp/numbers.txt" --rate "$3" --seconds "$seconds" --connections "$4" \
    >"$report" 2>&1 || true
  drained="$(wait_drained "$port")"  # CPU until every acknowledgement is sent counts too
  after="$(cpu_ticks "$pid")"
  echo "drained_after_s=$drained cpu_ticks=$((after - before)) clk_tck=$(getconf CLK_TCK)" \
       "vmhwm_kb=$(rss_kb "$pid" VmHWM)" >>"$report"
  stop "$pid"
  pid=""
  python3 bench/compare_table.py row "$1" "$2" "$5" "$report" >>"$out/results.tsv"
  tail -n 1 "$out/results.tsv" >&2
}

printf 'system\tmeasurement\tround\treq_per_s\tp50_ms\tp99_ms\tok\terrors\tduplicates\tcpu_us_per_req\tpeak_rss_mb\n' \
  >"$out/results.tsv"
for c in $connections; do
  for mode in "rate:$rate" "peak:0"; do
    name="${mode%%:*}"
    [ "$name" = rate ] && name="rate${rate}"
    for round in $(seq 1 "$rounds"); do
      for system in noodbel peer; do
        run "$system" "$name-c$c" "${mode#*:}" "$c" "$round"
      done
    done
  done
done

{
  echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)," \
       "Linux $(uname -r), Node $(node --version), SQLite WAL synchronous=$synchronous"
  echo "runs: ${seconds} s each, $rounds rounds alternating, $families families, fresh database per run"
  python3 bench/compare_table.py table "$out/results.tsv"
} | tee "$out/summary.txt"
echo "raw reports: $out" >&2
