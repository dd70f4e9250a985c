#!/usr/bin/env python3
# The tables of bench/compare.sh.
#   compare_table.py row SYSTEM MEASUREMENT ROUND REPORT: one results.tsv row from a run's
#     report (webhook_load's output plus compare.sh's line with CPU ticks and VmHWM);
#   compare_table.py table RESULTS_TSV: per measurement, the median over rounds of each
#     system, and the ratio Noodbel / peer.
import csv
import re
import statistics
import sys


def row(system, measurement, rnd, report):
    text = open(report).read()
    def num(key, default="nan"):
        m = re.search(rf"\b{re.escape(key)}=(-?[0-9.]+)", text)
        return m.group(1) if m else default
    ok, ticks, hz = int(num("ok", "0")), int(num("cpu_ticks", "0")), int(num("clk_tck", "100"))
    cpu_us = ticks / hz * 1e6 / ok if ok else float("nan")
    errors = num("errors", "nan")
    by_status = re.search(r"\(by status: ([^)]*)\)", text)
    if by_status:
        errors += " (" + by_status.group(1) + ")"
    dup = num("duplicates", "unknown")
    print("\t".join([system, measurement, rnd, num("throughput"), num("p50"), num("p99"), str(ok),
                     errors, dup, f"{cpu_us:.0f}", f"{int(num('vmhwm_kb', '0')) / 1024:.1f}"]))


def median(rows, key):
    values = [float(r[key]) for r in rows if r[key] not in ("", "nan", "unknown")]
    return statistics.median(values) if values else float("nan")


def table(path):
    rows = list(csv.DictReader(open(path), delimiter="\t"))
    measurements = list(dict.fromkeys(r["measurement"] for r in rows))
    columns = [("req/s", "req_per_s", "{:.0f}"), ("p50 ms", "p50_ms", "{:.2f}"),
               ("p99 ms", "p99_ms", "{:.2f}"), ("CPU µs/req", "cpu_us_per_req", "{:.0f}"),
               ("peak RSS MB", "peak_rss_mb", "{:.1f}")]
    print("| measurement | | " + " | ".join(c[0] for c in columns) + " | errors | duplicates |")
    print("|---" * (len(columns) + 4) + "|")
    for m in measurements:
        by = {s: [r for r in rows if r["measurement"] == m and r["system"] == s]
              for s in ("noodbel", "peer")}
        med = {s: {key: median(rs, key) for _, key, _ in columns} for s, rs in by.items()}
        for s in ("noodbel", "peer"):
            cells = [fmt.format(med[s][key]) for _, key, fmt in columns]
            errors = ", ".join(r["errors"] for r in by[s])
            dups = ", ".join(r["duplicates"] for r in by[s])
            print(f"| {m} | {s} | " + " | ".join(cells) + f" | {errors} | {dups} |")
        ratios = []
        for _, key, _ in columns:
            a, b = med["noodbel"][key], med["peer"][key]
            ratios.append(f"{a / b:.2f}×" if b and b == b and a == a else "-")
        print(f"| {m} | ratio | " + " | ".join(ratios) + " | | |")
    print("\nmedians over the rounds; errors and duplicates per round; ratio = Noodbel / peer")


if __name__ == "__main__":
    if sys.argv[1] == "row":
        row(*sys.argv[2:6])
    else:
        table(sys.argv[2])
