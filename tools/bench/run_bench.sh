#!/usr/bin/env bash
# End-to-end figures for docs/performance.md: throughput at --jobs 1 and 2,
# the time per step (--profile) and peak RSS, on generated corpora.
#
#   tools/bench/make_corpus.py --out /tmp/bench/c100k --count 100000 --seed 1
#   tools/bench/make_corpus.py --out /tmp/bench/c10k  --count 10000  --seed 2
#   tools/bench/run_bench.sh build/newsie /tmp/bench/c10k /tmp/bench/c100k
#
# For each corpus and each --jobs: wall time, CPU time (user+sys), peak RSS,
# MB/s and documents/s by wall time and by CPU time (what one core would do on
# an idle machine), then the --profile table of the --jobs 1 run.
set -euo pipefail
newsie=${1:?usage: run_bench.sh NEWSIE CORPUS...}
shift
out=$(mktemp -d /tmp/newsie-bench-XXXXXX)
trap 'rm -rf "$out"' EXIT

printf '%-28s %4s %8s %8s %9s %8s %8s %9s %9s\n' corpus jobs docs MB wall_s cpu_s rss_MB MB/s_wall MB/s_cpu
for corpus in "$@"; do
  docs=$(find "$corpus" -type f ! -name '*.meta.json' | wc -l)
  bytes=$(find "$corpus" -type f ! -name '*.meta.json' -printf '%s\n' | awk '{s+=$1} END {print s}')
  for jobs in ${NEWSIE_BENCH_JOBS:-1 2}; do
    rm -f "$out"/*
    /usr/bin/time -f '%e %U %S %M' -o "$out/time" \
      "$newsie" extract "$corpus" --jobs "$jobs" --profile -o "$out/records.jsonl" \
      2>"$out/stderr" || true
    read -r wall user sys rss < "$out/time"
    awk -v c="$(basename "$corpus")" -v j="$jobs" -v d="$docs" -v b="$bytes" \
        -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
      printf "%-28s %4d %8d %8.1f %9.1f %8.1f %8.1f %9.2f %9.2f\n",
             c, j, d, b/1e6, w, u+s, r/1024, b/1e6/w, b/1e6/(u+s) }'
    cp "$out/stderr" "/tmp/newsie-bench-$(basename "$corpus")-j$jobs.log"
  done
done
echo
# The other sinks, on the first corpus at --jobs 1: what writing CSV or SQLite
# costs next to JSONL.
corpus=$1
bytes=$(find "$corpus" -type f ! -name '*.meta.json' -printf '%s\n' | awk '{s+=$1} END {print s}')
printf '%-28s %6s %9s %8s %8s %9s\n' corpus format wall_s cpu_s rss_MB MB/s_cpu
for format in jsonl csv sqlite; do
  rm -f "$out"/*
  /usr/bin/time -f '%e %U %S %M' -o "$out/time" \
    "$newsie" extract "$corpus" --jobs 1 --quiet -o "$out/records.$format" 2>/dev/null || true
  read -r wall user sys rss < "$out/time"
  awk -v c="$(basename "$corpus")" -v f="$format" -v b="$bytes" \
      -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
    printf "%-28s %6s %9.1f %8.1f %8.1f %9.2f\n", c, f, w, u+s, r/1024, b/1e6/(u+s) }'
done
echo
for corpus in "$@"; do
  echo "== $(basename "$corpus") --jobs 1: summary and --profile"
  grep -v '^\r' "/tmp/newsie-bench-$(basename "$corpus")-j1.log" || true
done
