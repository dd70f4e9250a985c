#!/usr/bin/env bash
# Where the time of a real `noodbel serve` goes at its peak (README, Performance: "Where the
# time goes"): the Release build (scripts/build bench, as bench/load.sh) on a fresh database
# with 10,000 families and one open call to the 500 nearest, its acknowledgements sent to
# the fake provider of bench/compare.sh (bench/peer/sink.js), driven by webhook_load as fast
# as 16 connections allow; `perf record` samples the serve process (DWARF call stacks, so the
# frames inside the system's SQLite and libphonenumber count too) for SECONDS, then
# bench/profile_buckets.py sorts every sample into the buckets of issue 12 (store commit,
# store transactions (other), dispatcher, futex, libphonenumber, checkpoints, HTTP parsing,
# other) and lists the hottest symbols by self time.
# Usage: bench/profile.sh [SECONDS] [CONNECTIONS] [--rate R] [--out DIR]  (defaults 15, 16;
# --rate 0, the default: as fast as the connections allow; --rate 1000: the fixed-rate run).
# Needs perf (run as root, or with kernel.perf_event_paranoid <= 1), node, python3 and curl.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=15 connections=16 rate=0 out=""
positional=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    *) positional+=("$1"); shift ;;
  esac
done
[ "${#positional[@]}" -ge 1 ] && seconds="${positional[0]}"
[ "${#positional[@]}" -ge 2 ] && connections="${positional[1]}"
families=10000

echo "building Noodbel (scripts/build bench) ..." >&2
scripts/build bench >/dev/null
bin="$(realpath build/bench/noodbel)"
load="$(realpath build/bench/bench/webhook_load)"

out="${out:-build/bench/profile-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$out"
out="$(realpath "$out")"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/noodbel-profile.XXXXXX")"
source bench/lib.sh
pid="" sink="" loader=""
cleanup() { stop "$loader"; stop "$pid"; stop "$sink"; rm -rf "$tmp"; }
trap cleanup EXIT

make_families "$families"
noodbel_template "$bin"
sink_port="$(free_port)"
node bench/peer/sink.js "$sink_port" &
sink=$!

port="$(free_port)"
fresh_copy "$tmp/noodbel-template.db" "$tmp/noodbel.db"
noodbel_config "$tmp/noodbel.db" "$port" "http://127.0.0.1:$sink_port" >"$tmp/noodbel.toml"
"$bin" serve --config "$tmp/noodbel.toml" >/dev/null 2>>"$out/serve.log" &
pid=$!
wait_healthy "$port"
open_call "$port"
wait_drained "$port" >/dev/null  # the 500 call messages are not part of the profile
# Start-up work (the call's waves) is not part of it either: wait
# until the process has used less than 50 ms of CPU in half a second (at most 60 s).
for _ in $(seq 1 120); do
  before="$(cpu_ticks "$pid")"; sleep 0.5
  [ $(( ($(cpu_ticks "$pid") - before) * 1000 / $(getconf CLK_TCK) )) -lt 50 ] && break
done

# The load runs two seconds longer than the recording, so perf sees only the peak.
"$load" --port "$port" --public-url "http://127.0.0.1:$port/webhooks/twilio" --token "$token" \
  --numbers "$tmp/numbers.txt" --rate "$rate" --seconds "$((seconds + 2))" \
  --connections "$connections" >"$out/load.txt" 2>&1 &
loader=$!
# webhook_load signs all its requests before it sends the first: record only once the
# service is answering them (its count of SMS in has moved), at most 120 s from now.
messages_in() {
  curl -sf "http://127.0.0.1:$port/metrics" |
    awk '/^noodbel_messages_in_total\{/ && /channel="sms"/ {n += $2} END {print int(n)}'
}
start_count="$(messages_in)"
for _ in $(seq 1 1200); do
  [ "$(messages_in)" -gt $((start_count + 200)) ] && break
  sleep 0.1
done
# System-wide (-a): `perf record -p` saw only the main thread on this kernel; the samples of
# the serve process are picked out by its process id below.
perf record -q -a -F 499 --call-graph dwarf,16384 -o "$out/perf.data" \
  -- sleep "$seconds" 2>>"$out/perf.log"
wait "$loader" || true
loader=""
serve_pid="$pid"
stop "$pid"
pid=""

# By process id: other `noodbel` processes on the machine (tests) are sampled too.
perf script -i "$out/perf.data" --no-inline --pid "$serve_pid" -F tid,period,ip,sym,dso 2>/dev/null >"$out/stacks.txt"
{
  echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)," \
       "Linux $(uname -r), load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "load: $(grep -E '^(mode|latency|ok|service)' "$out/load.txt" | tr '\n' ' ')"
  echo "profile: perf record -F 499 --call-graph dwarf, ${seconds} s of the serve process"
  python3 bench/profile_buckets.py "$out/stacks.txt"
} | tee "$out/summary.txt"
echo "raw data: $out (perf report -i $out/perf.data --pid $serve_pid)" >&2
