#!/usr/bin/env bash
# Load and memory check of the budgets in DESIGN.md §5 against a real `noodbel serve`
# (Release build) holding 10,000 families:
#   - RSS after start-up and its peak (VmHWM) after the load;
#   - signed Twilio webhooks (incoming SMS: in -> committed -> 200) at a fixed rate of
#     1,000 req/s (latency counted from when each request was due) and at peak.
# Usage: bench/load.sh [RATE] [SECONDS]   (defaults 1000 and 20). Prints a summary.
# Builds with scripts/build bench; needs python3 and curl (installed by scripts/install-deps).
set -euo pipefail
cd "$(dirname "$0")/.."

rate="${1:-1000}"
seconds="${2:-20}"
families=10000

scripts/build bench >/dev/null
bin="$(realpath build/bench/noodbel)"
load="$(realpath build/bench/bench/webhook_load)"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/noodbel-load.XXXXXX")"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# --- 10,000 fictional families across Flanders, each reachable by SMS ---
python3 - "$tmp" "$families" <<'PY'
import csv, random, sys
tmp, n = sys.argv[1], int(sys.argv[2])
random.seed(7)
rows = [r for r in csv.DictReader(open("config/be-postcodes.csv")) if r["region"] == "VLG"]
with open(f"{tmp}/families.csv", "w") as out, open(f"{tmp}/numbers.txt", "w") as numbers:
    out.write("id,service,name,contacts,postcode,max_km,min_age,max_age,max_children,"
              "languages,availability,paused_until,opted_in,preferred_language\n")
    for i in range(n):
        pc = random.choice(rows)["postcode"]
        service = {"8": "west-vlaanderen", "9": "oost-vlaanderen", "2": "antwerpen",
                   "3": "limburg" if pc >= "3500" else "vlaams-brabant-brussel",
                   "1": "vlaams-brabant-brussel"}[pc[0]]
        number = f"+3247{i:07d}"
        numbers.write(number + "\n")
        out.write(f"F{i:04d},{service},Gezin {i},sms:{number},{pc},{random.choice([15, 30, 50])},"
                  f"0,{random.choice([6, 12, 18])},{random.choice([1, 2])},nl,,,yes,nl\n")
PY

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
token="load-test-auth-token-0123456789"
cat >"$tmp/noodbel.toml" <<TOML
[database]
path = "$tmp/noodbel.db"
[http]
address = "127.0.0.1"
port = $port
body_limit_bytes = 65536
max_connections = 512
[calls]
wave_size = 500
[sandbox]
enabled = true
[twilio]
enabled = true
account_sid = "AC00000000000000000000000000000000"
auth_token = "$token"
from = "+32460000000"
api_base_url = "http://127.0.0.1:9"
public_url = "http://127.0.0.1:$port/webhooks/twilio"
[sms]
provider = "none"
[log]
level = "info"
TOML

"$bin" migrate --config "$tmp/noodbel.toml" >/dev/null
"$bin" caseworkers import --config "$tmp/noodbel.toml" config/demo-caseworkers.csv >/dev/null
"$bin" families import --config "$tmp/noodbel.toml" "$tmp/families.csv" >/dev/null

"$bin" serve --config "$tmp/noodbel.toml" >"$tmp/serve.out" 2>"$tmp/serve.log" &
pid=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
rss() { awk -v k="$1" '$1 == k":" {print int($2 / 1024) " MB"}' "/proc/$pid/status"; }
echo "load: noodbel serve pid $pid on port $port with $families families"
echo "rss after start: $(rss VmRSS)"

# A crisis call to the 500 nearest families (the largest wave), so part of the replies
# answer a call and the rest get "no open call": both paths commit.
curl -sf -H 'Content-Type: application/json' \
  -d '{"from":"C001","text":"/crisis leeftijd=4 postcode=9000 taal=nl duur=3d golf=500 Korte toelichting"}' \
  "http://127.0.0.1:$port/sandbox/api/send" >/dev/null
echo "rss after opening a call: $(rss VmRSS)"

echo "--- fixed rate ---"
"$load" --port "$port" --public-url "http://127.0.0.1:$port/webhooks/twilio" --token "$token" \
  --numbers "$tmp/numbers.txt" --rate "$rate" --seconds "$seconds" --connections 8 || true
echo "--- peak ---"
"$load" --port "$port" --public-url "http://127.0.0.1:$port/webhooks/twilio" --token "$token" \
  --numbers "$tmp/numbers.txt" --rate 0 --seconds 10 --connections 16 || true
echo "rss now: $(rss VmRSS), peak: $(rss VmHWM)"
