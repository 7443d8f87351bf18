#!/bin/sh
# Issue 14: RequestMixBenchmark at T = 1, 4, 16 threads, each side in its own JMH fork, the sides'
# order rotated every round so that load from other processes falls on all of them alike.
# Usage: benchmarks/scripts/request-mix.sh <out-dir> [rounds] [threads...]
# Then:  python3 benchmarks/scripts/request-mix-table.py <out-dir>
set -e
out=${1:?out dir}; rounds=${2:-3}; shift 2 || true
threads=${*:-"1 4 16"}
jar=$(dirname "$0")/../target/benchmarks.jar
mkdir -p "$out"
set -- jdbc athanor hibernate jdbcUnnestInsert
for t in $threads; do
  r=1
  while [ "$r" -le "$rounds" ]; do
    for m in "$@"; do
      java -jar "$jar" "RequestMixBenchmark\.$m\$" -t "$t" -f 1 -wi 3 -w 2s -i 5 -r 2s \
           -rf json -rff "$out/t$t-r$r-$m.json" > "$out/t$t-r$r-$m.log" 2>&1
    done
    set -- "$2" "$3" "$4" "$1"   # rotate the order for the next round
    r=$((r + 1))
  done
done
