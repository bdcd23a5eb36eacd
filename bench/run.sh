#!/usr/bin/env bash
# make bench: time `mtfp run` on synthetic authorities of growing size against
# the floor (bench_floor: libxlsxwriter writing as many cells, bare), in the
# same call so that the ratio holds however fast the machine is; write the
# figures to bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build-bench}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DMTFP_WERROR=ON >/dev/null
cmake --build "$build" -j "$(nproc)" >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results=bench/RESULTS.md
{
    echo "# Benchmark results"
    echo
    echo "Written by \`make bench\` ($(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'))."
    echo "Each model: N revenue lines (about five a service, each its own subjective), 10 scenarios"
    echo "(Base and 9 scripts, each with 20 pressures, a percent saving on every line, a vacancy factor"
    echo "and two more placements), 500 capital schemes with spend every year, 10,000 posts, 3,000"
    echo "placement types; 10 projection"
    echo "years. A = \`mtfp run\` (load, project, write the pack); B = \`bench_floor\` writing the pack's"
    echo "Revenue cells (3 text and 11 numbers a row, a row per line and scenario) bare. Quote the medians."
    echo
} >"$results"
for lines in 5000 20000 50000; do
    model=$work/model-$lines
    python3 bench/generate.py "$model" --lines "$lines" --scenarios 10 --years 10
    "$build/mtfp" run "$model" -o "$work/pack.xlsx" --csv "$work/csv" >/dev/null
    rows=$((($(wc -l <"$work/csv/revenue.csv") - 1) / 11))
    echo "## $lines revenue lines ($rows Revenue rows in the pack)" >>"$results"
    echo '```' >>"$results"
    farm-bench -n 3 --timeout 900 --vs "$build/bench/bench_floor $work/floor.xlsx $rows 3 11" -- \
        "$build/mtfp" run "$model" -o "$work/pack.xlsx" 2>&1 | grep -v '^note' | tee -a "$results"
    echo '```' >>"$results"
done
echo "Wrote $results"
