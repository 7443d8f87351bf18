#!/usr/bin/env python3
"""Issue 14: the table of RequestMixBenchmark runs written by request-mix.sh.

For every thread count T: each side's median over rounds of the JMH score (µs per request per
thread; each round one fork, 5 iterations) with the range of the rounds, throughput T / score,
and each side's per-round ratio to the plain JDBC peer (median [min–max] over rounds; the sides
of one round ran one after another, in a rotated order)."""
import glob, json, os, re, statistics, sys

out = sys.argv[1]
runs = {}  # (t, round) -> {method: (score, error)}
for f in glob.glob(os.path.join(out, "t*-r*-*.json")):
    m = re.match(r"t(\d+)-r(\d+)-(\w+)\.json", os.path.basename(f))
    t, r, meth = int(m.group(1)), int(m.group(2)), m.group(3)
    try:
        data = json.load(open(f))
    except ValueError:
        continue
    if not data:
        continue
    pm = data[0]["primaryMetric"]
    runs.setdefault((t, r), {})[meth] = (pm["score"], pm["scoreError"])

sides = ["jdbc", "athanor", "hibernate", "jdbcUnnestInsert"]
print("| T | side | µs/request (median of rounds) [range] | requests/s (T / µs) | ÷ JDBC, per round: median [min–max] | rounds |")
print("|---|---|---|---|---|---|")
for t in sorted({k[0] for k in runs}):
    rounds = [runs[k] for k in sorted(runs) if k[0] == t]
    for side in sides:
        scores = [rd[side][0] for rd in rounds if side in rd]
        if not scores:
            continue
        ratios = [rd[side][0] / rd["jdbc"][0] for rd in rounds if side in rd and "jdbc" in rd]
        med = statistics.median(scores)
        ratio = "—" if side == "jdbc" else "**%.3f** [%.3f–%.3f]" % (statistics.median(ratios), min(ratios), max(ratios))
        print("| %d | %s | %.0f [%.0f–%.0f] | %.0f | %s | %d |" % (t, side, med, min(scores), max(scores), t * 1e6 / med, ratio, len(scores)))
