#!/usr/bin/env python3
# The summary of bench/profile.sh: sorts every sample of `perf script -F tid,period,ip,sym,dso`
# (one block per sample: a header line, then its call stack, leaf first) into the buckets of
# issue 12 by the frames on its stack; the first bucket whose pattern any frame matches wins,
# in the order below. Prints each bucket's share of the serve process's samples (by period),
# then the hottest symbols by self time (the leaf frame: like `perf report --no-children
# --sort=dso,symbol`).
# Usage: bench/profile_buckets.py STACKS_TXT
import collections
import re
import sys

# (bucket, pattern on "symbol (dso)" of any frame, sub-buckets: (name, pattern) counted inside)
COMMIT = r"noodbel::store::Transaction::commit"
BUCKETS = [
    ("checkpoints (WAL -> database, fsync)", r"sqlite3_wal_checkpoint", []),
    ("futex (lock and condition waits, wake-ups)", r"futex|__lll_lock_wa", []),
    ("dispatcher (claim, send, mark sent)", r"noodbel::Dispatcher::",
     [("of which store commits", COMMIT), ("of which HTTP client", r"HttpClient|libssl|tcp_")]),
    ("store commit (inbound)", COMMIT, []),
    ("store transactions, other (inbound)", r"noodbel::store::|libsqlite3", []),
    ("libphonenumber", r"i18n::phonenumbers|libphonenumber|libicu",
     [("of which normalize_phone", r"noodbel::normalize_phone")]),
    ("HTTP parsing (Beast parser, form fields)",
     r"beast::http::basic_parser|beast::http::detail::basic_parser|noodbel::parse_form|"
     r"noodbel::form_fields|noodbel::url_decode", []),
    ("other", r"", [("of which kernel TCP, epoll, syscalls", r"tcp_|sock_|epoll|__sys_send|__sys_recv"),
                    ("of which the engine (bot/)", r"noodbel::Engine::"),
                    ("of which Twilio signature (HMAC)", r"twilio_signature|libcrypto"),
                    ("of which logging (spdlog)", r"spdlog::"),
                    ("of which malloc/free", r"malloc|_int_free|cfree")]),
]
COMPILED = [(name, re.compile(p), [(s, re.compile(q)) for s, q in subs]) for name, p, subs in BUCKETS]


def samples(path):
    """(period, [frame text]) per sample."""
    block = []
    for line in open(path, errors="replace"):
        if line.strip():
            block.append(line.rstrip("\n"))
            continue
        if block:
            yield parse(block)
            block = []
    if block:
        yield parse(block)


def parse(block):
    header = block[0].split()
    period = int(header[1]) if len(header) > 1 and header[1].isdigit() else 1
    frames = [" ".join(line.split()[1:]) for line in block[1:]]
    return period, frames


def leaf(frame):
    """'dso  symbol' of a frame 'symbol (dso)', the symbol cut short."""
    m = re.match(r"(.*) \((.*)\)$", frame)
    sym, dso = (m.group(1), m.group(2).rsplit("/", 1)[-1]) if m else (frame, "?")
    return f"{dso:<22} {sym[:90]}"


def main():
    totals = collections.Counter()
    leaves = collections.Counter()
    subs = collections.Counter()
    grand = 0
    count = 0
    for period, frames in samples(sys.argv[1]):
        grand += period
        count += 1
        if frames:
            leaves[leaf(frames[0])] += period
        for name, pattern, sub_patterns in COMPILED:
            if any(pattern.search(f) for f in frames):
                totals[name] += period
                for sub, sp in sub_patterns:
                    if any(sp.search(f) for f in frames):
                        subs[(name, sub)] += period
                break
    if grand == 0:
        print("no samples")
        return
    print(f"where the time goes ({count} samples of the serve process, first match wins):")
    for name, _, sub_patterns in COMPILED:
        print(f"  {100 * totals[name] / grand:5.1f}%  {name}")
        for sub, _ in sub_patterns:
            if subs[(name, sub)]:
                print(f"  {'':5} {100 * subs[(name, sub)] / grand:5.1f}%  {sub}")
    print("hottest symbols by self time (>= 1%):")
    for key, period in leaves.most_common(20):
        if 100 * period / grand >= 1:
            print(f"  {100 * period / grand:5.1f}%  {key}")


main()
