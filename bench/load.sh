#!/usr/bin/env bash
# Load and memory check of the budgets in DESIGN.md §5 against a real `noodbel serve`
# (Release build) holding 10,000 families:
#   - RSS after start-up and its peak (VmHWM) after the load;
#   - signed Twilio webhooks (incoming SMS: in -> committed -> 200) at a fixed rate of
#     1,000 req/s (latency counted from when each request was due) and at peak.
# Each measurement runs on its own fresh copy of one database made at the start, and
# webhook_load gives every run its own MessageSids and reports the duplicates the service
# saw (0 expected). For the side-by-side comparison with a Node peer: bench/compare.sh.
# Usage: bench/load.sh [RATE] [SECONDS] [FAMILIES]   (defaults 1000, 20 and 10000).
# SYNCHRONOUS=NORMAL runs noodbel with [database] synchronous = "normal" (default FULL).
# Builds with scripts/build bench; needs python3, curl and node (installed by
# scripts/install-deps): Noodbel's messages go to the fake provider bench/peer/sink.js.
set -euo pipefail
cd "$(dirname "$0")/.."

rate="${1:-1000}"
seconds="${2:-20}"
families="${3:-10000}"

scripts/build bench >/dev/null
bin="$(realpath build/bench/noodbel)"
load="$(realpath build/bench/bench/webhook_load)"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/noodbel-load.XXXXXX")"
source bench/lib.sh
pid="" sink=""
cleanup() { stop "$pid"; stop "$sink"; rm -rf "$tmp"; }
trap cleanup EXIT
sink_port="$(free_port)"
node bench/peer/sink.js "$sink_port" &
sink=$!

make_families "$families"
noodbel_template "$bin"

# measure NAME RATE SECONDS CONNECTIONS: one `noodbel serve` on a fresh copy of the database.
measure() {
  local port
  port="$(free_port)"
  fresh_copy "$tmp/noodbel-template.db" "$tmp/noodbel.db"
  noodbel_config "$tmp/noodbel.db" "$port" "http://127.0.0.1:$sink_port" >"$tmp/noodbel.toml"
  "$bin" serve --config "$tmp/noodbel.toml" >"$tmp/serve.out" 2>>"$tmp/serve.log" &
  pid=$!
  wait_healthy "$port"
  echo "--- $1: noodbel serve pid $pid on port $port with $families families (fresh database) ---"
  echo "rss after start: $(($(rss_kb "$pid" VmRSS) / 1024)) MB"
  open_call "$port"
  echo "rss after opening a call: $(($(rss_kb "$pid" VmRSS) / 1024)) MB"
  "$load" --port "$port" --public-url "http://127.0.0.1:$port/webhooks/twilio" --token "$token" \
    --numbers "$tmp/numbers.txt" --rate "$2" --seconds "$3" --connections "$4" || true
  echo "rss now: $(($(rss_kb "$pid" VmRSS) / 1024)) MB, peak: $(($(rss_kb "$pid" VmHWM) / 1024)) MB"
  stop "$pid"
  pid=""
}

measure "fixed rate" "$rate" "$seconds" 8
measure "peak" 0 10 16
