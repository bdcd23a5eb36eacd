#!/usr/bin/env bash
# make bench: in one run, on the same machine,
#  1. mtfp against a reference implementation of the same projection in
#     Python with pandas and XlsxWriter (bench/reference.py), on revenue-only
#     synthetic authorities of growing size; the two summary.csv files must
#     agree to the penny;
#  2. mtfp against the floor: bench_floor, libxlsxwriter writing the pack's
#     own cells (every sheet), bare; on the revenue-only 50,000-line model and
#     on the full synthetic authority (posts, placements, capital);
#  3. mtfp simulate, 10,000 runs of the example model's uncertain scenario,
#     against one plain run of the same model;
#  4. mtfp check on five times the posts, placement types and capital schemes
#     against once: linear loading gives about 5, a scan of every earlier row
#     about 25;
# every comparison in the same farm-bench call, so that the ratios hold
# however fast the machine is. Writes bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build-bench}
python=/usr/bin/python3 # Debian's, which sees python3-pandas
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DMTFP_WERROR=ON >/dev/null
cmake --build "$build" -j "$(nproc)" >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results=bench/RESULTS.md
mtfp=$build/mtfp

# farm-bench A against B; its table into RESULTS.md (the "note" lines left out).
timed() { # TIMEOUT B A...
    local timeout=$1 b=$2
    shift 2
    echo '```' >>"$results"
    farm-bench -n 3 --timeout "$timeout" --vs "$b" -- "$@" 2>&1 | grep -v '^note' | tee -a "$results"
    echo '```' >>"$results"
}

{
    echo "# Benchmark results"
    echo
    echo "Written by \`make bench\` ($(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'),"
    echo "pandas $($python -c 'import pandas; print(pandas.__version__)'), XlsxWriter $($python -c 'import xlsxwriter; print(xlsxwriter.__version__)'))."
    echo "Synthetic authorities from \`bench/generate.py\` (deterministic from seed 1): N revenue lines"
    echo "(about five a service), 10 scenarios (Base and 9 scripts, each with a pay award, 20 pressures"
    echo "and a percent saving on every spend line), 10 projection years. Quote the medians."
    echo "A/B is A's time over B's, run by run: below 1, A is the faster (0.5: twice as fast)."
    echo "Peak MiB is the largest process's resident set; 11 MiB is farm-bench's own floor."
    echo
    echo "## 1. mtfp against the pandas reference"
    echo
    echo "A = \`mtfp run\` (load, project, write the full pack: every sheet, formulas with cached values)."
    echo "B = \`bench/reference.py\`: the same projection in pandas, writing a Summary and a Revenue sheet"
    echo "(the same Revenue cells, values only) with XlsxWriter in constant-memory mode, and summary.csv."
    echo "Revenue-only models (\`generate.py --revenue-only\`), which the reference knows how to project."
    echo
} >"$results"
for lines in 5000 20000 50000; do
    model=$work/revenue-$lines
    python3 bench/generate.py "$model" --lines "$lines" --scenarios 10 --years 10 --revenue-only
    "$mtfp" run "$model" -o "$work/pack.xlsx" --csv "$work/csv" >/dev/null
    $python bench/reference.py "$model" "$work/reference.xlsx" "$work/reference-summary.csv"
    if cmp -s "$work/csv/summary.csv" "$work/reference-summary.csv"; then
        agree="agree to the penny ($(($(wc -l <"$work/csv/summary.csv") - 1)) figures, byte for byte)"
    else
        agree="DIFFER"
    fi
    echo "### $lines revenue lines: summary.csv of mtfp and the reference $agree" >>"$results"
    [ "$agree" != DIFFER ] || { echo "mtfp and the reference differ on $model" >&2; exit 1; }
    timed 900 "$python bench/reference.py $model $work/reference.xlsx $work/reference-summary.csv" \
        "$mtfp" run "$model" -o "$work/pack.xlsx"
done

{
    echo
    echo "## 2. mtfp against the libxlsxwriter floor"
    echo
    echo "A = \`mtfp run\`; B = \`bench_floor write\`: libxlsxwriter writing A's pack's own cells, bare, in"
    echo "constant-memory mode: the same sheets, rows, columns, text and values, each formula as its cached"
    echo "value, one number format and nothing else (no other formats, outline, print set-up or charts)."
    echo "B reads the cells (taken from A's pack by \`bench_floor cells\`, untimed) before it writes them."
    echo "The full authority also has 10,000 posts, 3,000 placement types and 500 capital schemes"
    echo "with spend every year (its Employees and Third Party Payments lines are what the posts and"
    echo "placements cost, so it reconciles); each script also sets a vacancy factor and adds two"
    echo "placements."
    echo
} >>"$results"
for model in revenue-50000 full-5000 full-50000; do
    lines=${model#*-}
    [ -d "$work/$model" ] ||
        python3 bench/generate.py "$work/$model" --lines "$lines" --scenarios 10 --years 10
    "$mtfp" run "$work/$model" -o "$work/pack.xlsx" >/dev/null 2>&1
    read -r strings numbers < <(unzip -p "$work/pack.xlsx" 'xl/worksheets/sheet*.xml' |
        "$build/bench/bench_floor" cells "$work/cells")
    echo "### $model: $lines revenue lines; the pack has $strings text and $numbers other cells" >>"$results"
    timed 900 "$build/bench/bench_floor write $work/floor.xlsx $work/cells" \
        sh -c "exec $mtfp run $work/$model -o $work/pack.xlsx >/dev/null 2>&1"
done

{
    echo
    echo "## 3. Monte Carlo: mtfp simulate"
    echo
    echo "A = \`mtfp simulate models/example -s scripts/placement-uncertainty.lua --runs 10000\` (two threads,"
    echo "the pack with its Simulation sheet of 10,000 runs, and the CSV); B = \`mtfp run\` of the same"
    echo "model and script (one evaluation and the pack)."
    echo
} >>"$results"
timed 300 "$mtfp run models/example -s scripts/placement-uncertainty.lua -o $work/run.xlsx" \
    "$mtfp" simulate models/example -s scripts/placement-uncertainty.lua --runs 10000 \
    -o "$work/sim.xlsx" --csv "$work/sim"

{
    echo
    echo "## 4. Loading at scale: mtfp check"
    echo
    echo "A = \`mtfp check\` (load, run the scripts, project; no pack) of a model with 50,000 posts on a"
    echo "pay spine of 200 grades of ten points, 20,000 placement types and 10,000 capital schemes; B = the"
    echo "same with a fifth of each (5,000 revenue lines, 3 scenarios, 3 years in both). Loading and"
    echo "projecting that grow linearly give A/B near 5; a lookup that scanned every earlier row, or"
    echo "every pay point for each post and month, would give near 25."
    echo
} >>"$results"
for k in 1 5; do
    python3 bench/generate.py "$work/load-$k" --lines 5000 --scenarios 3 --years 3 \
        --posts $((10000 * k)) --grades $((40 * k)) --placements $((4000 * k)) --schemes $((2000 * k))
done
timed 300 "$mtfp check $work/load-1" sh -c "exec $mtfp check $work/load-5 >/dev/null 2>&1"
echo "Wrote $results"
