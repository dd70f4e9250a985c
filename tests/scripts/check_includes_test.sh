#!/usr/bin/env bash
# The self-test of scripts/check-includes, run by ctest: the checkout passes; in a scratch
# tree, an include whose names the file does not use fails, naming file and line (with the
# header to include instead when the file used it only through the unused one); a use of a
# type, function, enumerator or macro, the file's own header, a `// keep` marker, an include
# inside #if and a header of ADL hooks pass; a standard header fails without its key names
# (a name in a comment or a string is no use) and passes with them.
# Usage: check_includes_test.sh PATH/TO/scripts/check-includes
set -euo pipefail
check="$1"
# shellcheck source=self_test_lib.sh
. "$(dirname "$0")/self_test_lib.sh"

# A fresh tree with the headers below and bot/user.cpp holding `body`.
tree_with() {
  rm -rf "$tmp/tree"
  mkdir -p "$tmp/tree/bot" "$tmp/tree/store" "$tmp/tree/adapters" "$tmp/tree/tests"
  cat > "$tmp/tree/bot/alpha.h" <<'EOF'
// Alpha: a test type.
#pragma once
#include <string>
namespace noodbel {
enum class Mode { kOn, kOff };
enum Colour { kRed, kGreen };
struct Alpha {
  std::string name;
  int size() const;
};
int alpha_count(const Alpha& a, int limit = 3);
inline constexpr int kAlphaMax = 4;
}  // namespace noodbel
EOF
  printf '#pragma once\n#define BETA_LIMIT 3\n' > "$tmp/tree/bot/beta.h"
  printf '#pragma once\n#include "bot/alpha.h"\nnamespace noodbel {\nvoid wrap(const Alpha& a);\n}\n' \
    > "$tmp/tree/bot/wrap.h"
  printf '#pragma once\n#include <ostream>\nstruct P {};\nstd::ostream& operator<<(std::ostream&, const P&);\n' \
    > "$tmp/tree/bot/printer.h"
  printf '%s\n' "$1" > "$tmp/tree/bot/user.cpp"
}

expect_unused() {
  local body="$1" expected="$2"
  tree_with "$body"
  if "$check" "$tmp/tree" 2> "$tmp/err"; then
    fail "passed: $body"
  elif ! grep -qF "$expected" "$tmp/err"; then
    fail "expected '$expected' for: $body; got: $(cat "$tmp/err")"
  fi
}

expect_used() {
  tree_with "$1"
  "$check" "$tmp/tree" 2> "$tmp/err" || fail "refused: $1: $(cat "$tmp/err")"
}

"$check" "$(dirname "$check")/.." 2> "$tmp/err" || fail "the checkout: $(cat "$tmp/err")"

expect_unused '#include "bot/alpha.h"
int main() { return 0; }' 'bot/user.cpp:1: unused include "bot/alpha.h"'
expect_unused '// BETA_LIMIT in a comment
#include "bot/beta.h"
const char* s = "BETA_LIMIT";' 'bot/user.cpp:2: unused include "bot/beta.h"'
expect_unused '#include "bot/wrap.h"
int f(const noodbel::Alpha& a) { return a.size(); }' \
  'bot/user.cpp:1: unused include "bot/wrap.h" (no name it declares occurs; include "bot/alpha.h" instead)'
expect_unused '#include "bot/alpha.h"
enum class Switch { kOn, kOff };
bool f() { return Switch::kOn == Switch::kOff; }' \
  'bot/user.cpp:1: unused include "bot/alpha.h"'
expect_unused '#include <map>
// std::map<int, int> in a comment
const char* s = "std::map";' 'bot/user.cpp:1: unused include <map> (none of its names occur)'
expect_unused '#include <string>
#include <vector>
std::string s;' 'bot/user.cpp:2: unused include <vector>'

expect_used '#include "bot/alpha.h"
noodbel::Alpha a;'
expect_used '#include "bot/alpha.h"
int n = noodbel::alpha_count({});'
expect_used '#include "bot/alpha.h"
int n = noodbel::kAlphaMax + noodbel::kGreen;'
expect_used '#include "bot/beta.h"
int n = BETA_LIMIT;'
expect_used '#include "bot/wrap.h"
void g() { noodbel::wrap({}); }'
expect_used '#include "bot/wrap.h"  // keep: brings bot/alpha.h
noodbel::Alpha a;'
expect_used '#if defined(SOMETHING)
#include "bot/beta.h"
#endif'
expect_used '#include "bot/printer.h"'
expect_used '#include <map>
#include <optional>
#include <cstdint>
std::map<int, std::optional<std::uint8_t>> m;'
expect_used '#include <vector>
using std::vector;'
tree_with ''
printf '#include "bot/alpha.h"\n' > "$tmp/tree/bot/alpha.cpp"
"$check" "$tmp/tree" 2> "$tmp/err" || fail "a file's own header was refused: $(cat "$tmp/err")"

finish check_includes_test
