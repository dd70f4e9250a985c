#!/usr/bin/env bash
# The self-test of scripts/check-format, run by ctest: in a scratch git repository with the
# checkout's .clang-format, a commit whose changed lines are badly formatted fails (naming the
# file), a well-formatted one passes although it leaves older badly formatted lines alone,
# an untracked new file is checked whole, and --fix makes a failing change pass.
# Usage: check_format_test.sh PATH/TO/scripts/check-format
set -euo pipefail
scripts="$(cd "$(dirname "$1")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

repo="$tmp/repo"
mkdir -p "$repo/scripts" "$repo/bot"
cp "$scripts/check-format" "$scripts/changed-files" "$repo/scripts/"
cp "$scripts/../.clang-format" "$repo/"
cd "$repo"
git init -q . && git config user.email t@example.org && git config user.name test
# Old code, badly formatted on purpose: only changed lines are checked.
printf 'int old_one( int a ){return a;}\n\nint kept() { return 1; }\n' > bot/a.cpp
git add -A && git commit -qm base

commit() { git add -A && git commit -qm "$1"; }

printf 'int old_one( int a ){return a;}\n\nint kept() { return 2; }\n' > bot/a.cpp
commit "a well-formatted change"
scripts/check-format > "$tmp/out" 2>&1 || fail "a well-formatted change was refused: $(cat "$tmp/out")"

printf 'int old_one( int a ){return a;}\n\nint kept() { return  3; }\n' > bot/a.cpp
commit "a badly formatted change"
if scripts/check-format > "$tmp/out" 2>&1; then
  fail "a badly formatted change passed"
elif ! grep -q 'bot/a.cpp' "$tmp/out"; then
  fail "the refusal does not name bot/a.cpp: $(cat "$tmp/out")"
fi

scripts/check-format --fix > /dev/null 2>&1 || fail "--fix failed"
grep -q 'int kept() { return 3; }' bot/a.cpp || fail "--fix did not reformat the changed line"
grep -q 'int old_one( int a ){return a;}' bot/a.cpp || fail "--fix touched an unchanged line"
scripts/check-format > "$tmp/out" 2>&1 || fail "after --fix: $(cat "$tmp/out")"
commit "fixed"

printf 'int fresh( ) {return 0;}\n' > bot/new.cpp
if scripts/check-format > "$tmp/out" 2>&1; then fail "a badly formatted untracked file passed"; fi
rm bot/new.cpp

if [ "$failures" != 0 ]; then
  echo "check_format_test: $failures failure(s)" >&2
  exit 1
fi
echo "check_format_test: all passed"
