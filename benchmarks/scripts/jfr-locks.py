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
# only the last `window` seconds of worker events (JMH's measured iterations: -i 5 -r 2s), 0 for all
window = float(sys.argv[3]) if len(sys.argv) > 3 else 0
raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.JavaMonitorEnter,jdk.ThreadPark", path],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(raw)["recording"]["events"]

def seconds(d):
    m = re.match(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?", d)
    h, mi, s = m.groups()
    return int(h or 0) * 3600 + int(mi or 0) * 60 + float(s or 0)

def name(f):
    t = f["method"]["type"]["name"].replace("/", ".")
    return t.rsplit(".", 1)[-1] + "." + f["method"]["name"] + ":" + str(f.get("lineNumber", "?"))

def cls(f):
    return f["method"]["type"]["name"].replace("/", ".")

OWN = ("org.athanor.", "org.hibernate.", "com.zaxxer.", "org.postgresql.")
from datetime import datetime
def when(v):
    return datetime.fromisoformat(v["startTime"][:26].rstrip("Z")).timestamp()
workers = [e for e in events if "jmh-worker" in ((e["values"].get("eventThread") or {}).get("javaName") or "")]
if window and workers:
    last = max(when(e["values"]) for e in workers)
    events = [e for e in workers if when(e["values"]) >= last - window]
agg = collections.defaultdict(lambda: [0, 0.0, None, None])
for e in events:
    v = e["values"]
    thread = (v.get("eventThread") or {}).get("javaName") or ""
    if "jmh-worker" not in thread:
        continue
    frames = (v.get("stackTrace") or {}).get("frames") or []
    top_frame = " < ".join(name(f) for f in frames[:2]) if frames else "?"
    owner = next((cls(f).rsplit(".", 1)[-1] + "." + f["method"]["name"] + ":" + str(f.get("lineNumber", "?")) for f in frames if cls(f).startswith(OWN) and "jmh_generated" not in cls(f)), "-")
    what = v.get("monitorClass") or v.get("parkedClass") or {}
    what = what.get("name", "?") if isinstance(what, dict) else str(what)
    key = (e["type"].replace("jdk.", ""), what, top_frame, owner)
    agg[key][0] += 1
    agg[key][1] += seconds(v["duration"])
    ts = v["startTime"][11:19]
    agg[key][2] = ts if agg[key][2] is None else min(agg[key][2], ts)
    agg[key][3] = ts if agg[key][3] is None else max(agg[key][3], ts)

total = collections.defaultdict(lambda: [0, 0.0])
for (t, *_), (n, d, *_) in agg.items():
    total[t][0] += n; total[t][1] += d
for t, (n, d) in sorted(total.items()):
    print(f"{t}: {n} events, {d * 1000:.1f} ms summed over the worker threads")
print()
print("| event | on | blocking frames | first library frame under them | count | ms | first–last (UTC) |")
print("|---|---|---|---|---|---|---|")
for (t, what, tf, owner), (n, d, t0, t1) in sorted(agg.items(), key=lambda kv: -kv[1][1])[:top]:
    print(f"| {t} | {what.replace('/', '.')} | `{tf}` | `{owner}` | {n} | {d * 1000:.1f} | {t0}–{t1} |")
