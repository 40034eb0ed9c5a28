#!/usr/bin/env python3
"""Prints the per-request table of a Gatling HTML report (count, failures, percentiles in ms).

Usage: bench/gatling/summary.py bench/gatling/target/gatling/costlenssimulation-<timestamp>
"""
import glob
import os
import re
import sys

ROWS = ["Total", "KO", "50th percentile", "75th percentile", "95th percentile", "99th percentile", "Max"]


def cell(html, title, column):
    match = re.search(r'<td class="title">' + re.escape(title) + r'[^<]*</td>\s*<td class="total">([^<]*)</td>'
                      r'\s*<td class="ok">([^<]*)</td>\s*<td class="ko">([^<]*)</td>', html)
    return match.group(column).strip() if match else "?"


def main(report):
    print("%-18s %9s %7s %6s %6s %6s %6s %6s" % ("request", "count", "failed", "p50", "p75", "p95", "p99", "max"))
    for page in sorted(glob.glob(os.path.join(report, "req_*.html"))):
        html = open(page, encoding="utf-8").read()
        name = re.search(r"<title>Gatling Stats - ([^<]*)</title>", html)
        name = name.group(1).strip() if name else os.path.basename(page)
        failed = cell(html, "Total", 3)
        print("%-18s %9s %7s %6s %6s %6s %6s %6s" % (name, cell(html, "Total", 1), "0" if failed == "-" else failed,
                                                       *(cell(html, row, 1) for row in ROWS[2:])))


if __name__ == "__main__":
    main(sys.argv[1])
