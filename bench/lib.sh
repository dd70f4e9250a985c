# Shared steps of bench/load.sh and bench/compare.sh (sourced, not run): the families, a
# database made once and copied per measurement, starting and stopping `noodbel serve`, and
# reading a process's CPU time and peak RSS from /proc. Expects the repository as the
# current folder and "$tmp" set to a scratch folder.

token="load-test-auth-token-0123456789"

# One durability setting for every system measured: FULL (default) or NORMAL, from the
# caller's $synchronous (compare.sh --synchronous) or the environment's SYNCHRONOUS.
synchronous="${synchronous:-${SYNCHRONOUS:-FULL}}"
case "$synchronous" in
  FULL | NORMAL) ;;
  *) echo "synchronous must be FULL or NORMAL (got $synchronous)" >&2; exit 2 ;;
esac

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# make_families COUNT: $tmp/families.csv and $tmp/numbers.txt.
make_families() { python3 bench/families.py "$tmp" "$1"; }

# noodbel_config DB PORT API_BASE_URL: the configuration of one `noodbel serve` on stdout.
# No daily digest: on a fresh database `serve` sends the day's missed digests at start, and
# with 10,000 families their coverage maps take 3.3 s of CPU on the main thread (0.6 s a
# service; it was most of the first bench/profile.sh recording), which is no part of
# answering webhooks and which the peer does not do.
noodbel_config() {
  cat <<TOML
[database]
path = "$1"
synchronous = "${synchronous,,}"
[http]
address = "127.0.0.1"
port = $2
body_limit_bytes = 65536
max_connections = 512
[calls]
wave_size = 500
[twilio]
enabled = true
account_sid = "AC00000000000000000000000000000000"
auth_token = "$token"
from = "+32460000000"
api_base_url = "$3"
public_url = "http://127.0.0.1:$2/webhooks/twilio"
[sms]
provider = "twilio"
messages_per_second = 1000
[log]
level = "info"
[digest]
enabled = false
TOML
}

# The caseworker who opens the benchmark's call, by SMS from a number outside the families'
# range (+3247 and 7 digits, bench/families.py): the demo caseworkers' numbers are in it.
bench_caseworker_number="+32499000001"

# noodbel_template BIN: $tmp/noodbel-template.db with the benchmark's caseworker and
# $tmp/families.csv, made once; every measurement runs on a copy of it (fresh_copy).
noodbel_template() {
  local config="$tmp/template.toml" log="$tmp/setup.log"
  noodbel_config "$tmp/noodbel-template.db" 1 "http://127.0.0.1:9" >"$config"
  printf 'id,service,name,role,contacts,language\nC901,oost-vlaanderen,Bench Caseworker,caseworker,sms:%s,nl\n' \
    "$bench_caseworker_number" >"$tmp/caseworkers.csv"
  "$1" migrate --config "$config" >/dev/null 2>>"$log"
  "$1" caseworkers import --config "$config" "$tmp/caseworkers.csv" >/dev/null 2>>"$log"
  "$1" families import --config "$config" "$tmp/families.csv" >/dev/null 2>>"$log"
}

# fresh_copy TEMPLATE DEST: a copy of a closed SQLite database (with its WAL, if any).
fresh_copy() {
  rm -f "$2" "$2-wal" "$2-shm"
  cp "$1" "$2"
  if [ -f "$1-wal" ]; then cp "$1-wal" "$2-wal"; fi
}

# wait_healthy PORT: until GET /healthz answers (at most 10 s).
wait_healthy() {
  for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$1/healthz" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "nothing answers /healthz on port $1" >&2
  return 1
}

# queue_depth PORT: pending + sending SMS outbox rows, from GET /metrics (SMS only: a
# caseworker's message on a channel the benchmark does not enable stays pending).
queue_depth() {
  curl -sf "http://127.0.0.1:$1/metrics" | awk '
    /^noodbel_outbox_messages\{/ && /channel="sms"/ && /state="(pending|sending)"/ {n += $2; found = 1}
    END {print found ? int(n) : -1}'
}

# wait_drained PORT [SECONDS]: until the outbox is empty (default at most 60 s); the seconds waited.
wait_drained() {
  local start=$SECONDS
  while [ $((SECONDS - start)) -lt "${2:-60}" ] && [ "$(queue_depth "$1")" != 0 ]; do sleep 0.2; done
  echo $((SECONDS - start))
}

# open_call PORT: a crisis call to the 500 nearest families (the largest wave), so part of the
# replies answer a call and the rest get "no open call": both paths commit. Sent as the
# benchmark caseworker's signed Twilio SMS (noodbel_template; webhook_load at $load signs
# it): the sandbox is off here, so every message Noodbel sends (the call, each
# acknowledgement) goes out through the Twilio sender to the fake provider, as the peer's do.
open_call() {
  "$load" --port "$1" --public-url "http://127.0.0.1:$1/webhooks/twilio" --token "$token" \
    --send-from "$bench_caseworker_number" \
    --send-text "/crisis leeftijd=4 postcode=9000 taal=nl duur=3d golf=500 Korte toelichting"
}

# cpu_ticks PID: user + system CPU time of the process so far, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# rss_kb PID FIELD: VmRSS or VmHWM (peak) in kB.
rss_kb() { awk -v k="$2" '$1 == k":" {print $2}' "/proc/$1/status"; }

# stop PID: SIGTERM and wait for it.
stop() {
  if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then kill -TERM "$1"; wait "$1" 2>/dev/null || true; fi
}
