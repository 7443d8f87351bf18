#!/usr/bin/env python3
"""Turns a JMH JSON result file (-rf json) into a Markdown table: score ± error, the minimum of
the measured iterations, and the allocation per operation when -prof gc was on.

usage: jmh-table.py result.json
"""
import json
import sys


def main(path):
    rows = json.load(open(path))
    print("| benchmark | params | mode | score ± error | min | unit | alloc B/op |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        name = r["benchmark"].split(".")[-2] + "." + r["benchmark"].split(".")[-1]
        params = ",".join(f"{k}={v}" for k, v in (r.get("params") or {}).items())
        m = r["primaryMetric"]
        raw = [x for fork in m["rawData"] for x in fork]
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        alloc = "" if alloc is None else f"{alloc:.0f}"
        err = m["scoreError"]
        err = "" if err != err else f" ± {err:.3f}"  # NaN when a single iteration
        print(f"| {name} | {params} | {r['mode']} | {m['score']:.3f}{err} | {min(raw):.3f} | {m['scoreUnit']} | {alloc} |")


if __name__ == "__main__":
    main(sys.argv[1])
