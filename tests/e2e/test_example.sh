# models/example, the default: `mtfp run` with no arguments, and figures
# worked by hand from Waltham Forest's plan (docs/sources.md).
source "$(dirname "$0")/lib.sh"
ln -s "$SOURCE/models" "$SCRATCH/models"
ln -s "$SOURCE/scripts" "$SCRATCH/scripts"
(cd "$SCRATCH" && expect_status 0 "$MTFP" run) || true
[ "$(head -c 2 "$SCRATCH/output/cabinet-pack.xlsx" 2>/dev/null)" = "PK" ] ||
    fail "mtfp run with no arguments did not write output/cabinet-pack.xlsx"
grep -q "Wrote output/cabinet-pack.xlsx" "$SCRATCH/out" || fail "no headline: $(cat "$SCRATCH/out")"

expect_status 0 "$MTFP" run "$SOURCE/models/example" -o "$SCRATCH/pack.xlsx" --csv "$SCRATCH/csv"
csv=$SCRATCH/csv/summary.csv
figure() { # scenario-prefix line year amount
    grep -q "^$1[^,]*,$2,$3,$4\$" "$csv" || fail "$1 $2 $3: expected $4, found $(grep "^$1[^,]*,$2,$3," "$csv")"
}
# 5.5 + 5.7 + 5.8: £170m + £30m + £27m + £8.6m.
figure Base net_budget_requirement 2005/06 235600000.00
# 5.15: the resources for 2006/07 total £242m; base-year funding equals the budgets.
figure Base funding 2006/07 242000000.00
figure Base gap 2005/06 0.00
# Three placements at £150,000 from October 2006, contracts index 3%:
# 450,000 x 1.03 x 6/12 = 231,750.00; the full year 2007/08 450,000 x 1.03^2 = 477,405.00.
figure "Placement pressure" pressures 2006/07 231750.00
figure "Placement pressure" pressures 2007/08 245655.00
# 3% of the Social Services spend of 2006/07: Employees £13.3m x 1.0295, Third Party
# £10.5m x 1.03, Supplies £2.0m, Transport £0.2m and Premises £1.0m x 1.025:
# 3% x 27,787,350.00 = 833,620.50.
figure "3% efficiency" savings 2006/07 -833620.50
lines=$(grep -c '^Base,' "$SCRATCH/csv/revenue.csv")
[ "$lines" = $((40 * 4)) ] || fail "revenue.csv has $lines Base rows, expected 40 lines x 4 years"
# The same inputs give the same bytes, run after run.
expect_status 0 "$MTFP" run "$SOURCE/models/example" -o "$SCRATCH/again.xlsx"
cmp -s "$SCRATCH/pack.xlsx" "$SCRATCH/again.xlsx" || fail "two runs of the same inputs gave different packs"
finish
