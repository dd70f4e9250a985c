#!/usr/bin/env bash
# The self-test of scripts/check-layers, run by ctest: the checkout passes; a tree with one
# forbidden include fails, naming file, line and rule, for every rule; allowed includes
# (adapters/ folders using what the matrix allows, store/ using bot/ and SQLite) pass.
# Usage: check_layers_test.sh PATH/TO/scripts/check-layers
set -euo pipefail
check="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# A fresh tree with one file `path` whose second line is `include`.
tree_with() {
  local path="$1" include="$2"
  rm -rf "$tmp/tree"
  mkdir -p "$tmp/tree/bot" "$tmp/tree/store" "$tmp/tree/adapters/app" "$tmp/tree/adapters/http"
  printf '#include "bot/result.h"\n' > "$tmp/tree/bot/ok.cpp"
  mkdir -p "$(dirname "$tmp/tree/$path")"
  printf '// a file\n%s\nint x = 0;\n' "$include" > "$tmp/tree/$path"
}

expect_refused() {
  local path="$1" include="$2" rule="$3"
  tree_with "$path" "$include"
  if "$check" "$tmp/tree" 2> "$tmp/err"; then
    fail "$path with '$include' passed"
  elif ! grep -qF "$path:2: $rule" "$tmp/err"; then
    fail "$path with '$include': expected '$path:2: $rule' in: $(cat "$tmp/err")"
  fi
}

expect_allowed() {
  local path="$1" include="$2"
  tree_with "$path" "$include"
  "$check" "$tmp/tree" 2> "$tmp/err" || fail "$path with '$include' refused: $(cat "$tmp/err")"
}

"$check" "$(dirname "$check")/.." 2> "$tmp/err" || fail "the checkout: $(cat "$tmp/err")"

core='bot/ (the core) must not'
expect_refused bot/engine.cpp '#include "adapters/app/service.h"' "$core include adapters/"
expect_refused bot/x.h '#include "store/store.h"' "$core include store/"
expect_refused bot/sub/x.cpp '#include <boost/asio.hpp>' "$core include Boost"
expect_refused bot/x.cpp '#include <sqlite3.h>' "$core include SQLite"
expect_refused bot/linking.cpp '#include <openssl/evp.h>' "$core include OpenSSL"
expect_refused bot/x.cpp '#include <spdlog/spdlog.h>' "$core include spdlog"
expect_refused bot/templates.cpp '#include <fstream>' "$core read files"
expect_refused bot/x.cpp '  #  include <filesystem>' "$core touch the file system"
expect_refused bot/call_code.h '#include <random>' "$core draw randomness"
expect_refused bot/local_time.cpp '#include <date/tz.h>' "$core read the tz database"
expect_refused store/store.cpp '#include "adapters/http/server.h"' \
  'store/ must not include adapters/'

# OpenSSL only in adapters/crypto/ (and the TLS headers of the HTTP client).
openssl='only adapters/crypto/ may include OpenSSL'
expect_refused adapters/web/signed_links.cpp '#include <openssl/hmac.h>' "$openssl"
expect_refused adapters/telegram/x.cpp '#include <openssl/crypto.h>' "$openssl"
expect_refused adapters/twilio/x.h '  #  include <openssl/evp.h>' "$openssl"
expect_refused store/x.cpp '#include <openssl/sha.h>' "$openssl"
expect_refused adapters/http/client.cpp '#include <openssl/hmac.h>' "$openssl"
expect_refused adapters/http/server.cpp '#include <openssl/ssl.h>' "$openssl"
expect_allowed adapters/crypto/hmac.cpp '#include <openssl/hmac.h>'
expect_allowed adapters/http/client.cpp '#include <openssl/ssl.h>'
expect_allowed adapters/http/client.cpp '#include <openssl/x509v3.h>'

# The matrix of the adapters/ folders.
expect_refused adapters/twilio/twilio_signature.cpp '#include "adapters/slash/slash_auth.h"' \
  'adapters/twilio/ must not include adapters/slash/'
expect_refused adapters/sms/sms_channel.h '#include "adapters/app/inbound_pipeline.h"' \
  'adapters/sms/ must not include adapters/app/'
expect_refused adapters/app/serve.cpp '#include "adapters/cli/commands.h"' \
  'adapters/app/ must not include adapters/cli/'
expect_refused adapters/crypto/x.cpp '#include "store/store.h"' \
  'adapters/crypto/ must not include store/'
expect_refused adapters/kannel/kannel_routes.h '#include "adapters/crypto/secrets.h"' \
  'a header of adapters/kannel/ must not include adapters/crypto/'
expect_refused adapters/twilio/twilio_config.h '#include "adapters/http/client.h"' \
  'a settings header is a plain struct'
expect_refused adapters/config/x.h '#include "adapters/twilio/twilio_sender.h"' \
  'adapters/config/ must not include adapters/twilio/'
tree_with adapters/newroom/x.cpp '#include "bot/result.h"'
if "$check" "$tmp/tree" 2> "$tmp/err"; then
  fail "a folder missing from the matrix passed"
elif ! grep -qF "adapters/newroom/: adapters/newroom/ is not in the dependency matrix" "$tmp/err"; then
  fail "a folder missing from the matrix: unexpected message: $(cat "$tmp/err")"
fi

expect_allowed adapters/app/x.cpp '#include "store/store.h"'
expect_allowed adapters/config/config.h '#include "adapters/twilio/twilio_config.h"'
expect_allowed adapters/kannel/kannel_routes.cpp '#include "adapters/crypto/secrets.h"'
expect_allowed adapters/twilio/x.h '  #  include "adapters/sms/sms_common.h"'
expect_allowed adapters/cli/x.cpp '#include "adapters/app/service.h"'
expect_allowed adapters/http/x.cpp '#include <boost/beast.hpp>'
expect_allowed adapters/app/x.cpp '#include <fstream>'
expect_allowed store/x.cpp '#include <sqlite3.h>'
expect_allowed bot/x.cpp '#include <string>'
expect_allowed bot/x.cpp '#include <date/date.h>'
expect_allowed adapters/data/x.cpp '#include <date/tz.h>'
expect_allowed bot/x.cpp '// #include <random> is not allowed here'

if [ "$failures" != 0 ]; then
  echo "check_layers_test: $failures failure(s)" >&2
  exit 1
fi
echo "check_layers_test: all passed"
