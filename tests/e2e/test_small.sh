# The small fixture against figures worked by hand (tests/fixtures/small/README.md).
source "$(dirname "$0")/lib.sh"
fixture=$SOURCE/tests/fixtures/small
if expect_status 0 "$MTFP" run "$fixture" -o "$SCRATCH/pack.xlsx" --csv "$SCRATCH/csv"; then
    same_file "$fixture/expected/summary.csv" "$SCRATCH/csv/summary.csv"
    same_file "$fixture/expected/revenue.csv" "$SCRATCH/csv/revenue.csv"
    [ "$(head -c 2 "$SCRATCH/pack.xlsx")" = "PK" ] || fail "the pack is not a zip file"
fi
# --years shortens the horizon: the same figures for the years that remain.
if expect_status 0 "$MTFP" run "$fixture" --years 2 -o "$SCRATCH/pack2.xlsx" --csv "$SCRATCH/csv2"; then
    grep -v '2012/13' "$fixture/expected/summary.csv" >"$SCRATCH/summary2.csv"
    same_file "$SCRATCH/summary2.csv" "$SCRATCH/csv2/summary.csv"
fi
finish
