# For the self-tests of scripts/ (tests/scripts/*_test.sh; sourced, not run): a scratch
# folder `$tmp` removed on exit, `fail MESSAGE` to count a failure, `finish NAME` to report.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

finish() {
  if [ "$failures" != 0 ]; then
    echo "$1: $failures failure(s)" >&2
    exit 1
  fi
  echo "$1: all passed"
}
