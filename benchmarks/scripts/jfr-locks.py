#!/usr/bin/env python3
"""Issue 14: where the benchmark's worker threads blocked on a monitor or parked, from a JFR file.

  python3 benchmarks/scripts/jfr-locks.py recording.jfr [top]

Reads jdk.JavaMonitorEnter and jdk.ThreadPark events of the JMH worker threads only (through
`jfr print --json`), groups them by the blocking frame and by the first frame of application or
library code under it (org.athanor, org.hibernate, com.zaxxer, org.postgresql, the benchmark), and
prints count and summed duration, largest first."""
import collections, json, re, subprocess, sys

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 8
raw = subprocess.run(["jfr", "print", "--json", "--events", "jdk.JavaMonitorEnter,jdk.ThreadPark", path],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(raw)["recording"]["events"]

def seconds(d):
    m = re.match(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?", d)
    h, mi, s = m.groups()
    return int(h or 0) * 3600 + int(mi or 0) * 60 + float(s or 0)

def name(f):
    return f["method"]["type"]["name"] + "." + f["method"]["name"] + ":" + str(f.get("lineNumber", "?"))

OWN = ("org.athanor.", "org.hibernate.", "com.zaxxer.", "org.postgresql.")
agg = collections.defaultdict(lambda: [0, 0.0])
for e in events:
    v = e["values"]
    thread = (v.get("eventThread") or {}).get("javaName") or ""
    if "jmh-worker" not in thread:
        continue
    frames = (v.get("stackTrace") or {}).get("frames") or []
    top_frame = name(frames[0]) if frames else "?"
    owner = next((name(f) for f in frames if f["method"]["type"]["name"].startswith(OWN)), "-")
    what = v.get("monitorClass") or v.get("parkedClass") or {}
    what = what.get("name", "?") if isinstance(what, dict) else str(what)
    key = (e["type"].replace("jdk.", ""), what, top_frame, owner)
    agg[key][0] += 1
    agg[key][1] += seconds(v["duration"])

total = collections.defaultdict(lambda: [0, 0.0])
for (t, *_), (n, d) in agg.items():
    total[t][0] += n; total[t][1] += d
for t, (n, d) in sorted(total.items()):
    print(f"{t}: {n} events, {d * 1000:.1f} ms summed over the worker threads")
print()
print("| event | on | blocking frame | first library frame under it | count | ms |")
print("|---|---|---|---|---|---|")
for (t, what, tf, owner), (n, d) in sorted(agg.items(), key=lambda kv: -kv[1][1])[:top]:
    print(f"| {t} | {what} | `{tf}` | `{owner}` | {n} | {d * 1000:.1f} |")
