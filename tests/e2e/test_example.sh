# models/example, the default: `mtfp run` with no arguments, and figures
# worked by hand from Waltham Forest's plan (docs/sources.md).
source "$(dirname "$0")/lib.sh"
ln -s "$SOURCE/models" "$SCRATCH/models"
ln -s "$SOURCE/scripts" "$SCRATCH/scripts"
(cd "$SCRATCH" && expect_status 0 "$MTFP" run) || true
[ "$(head -c 2 "$SCRATCH/output/cabinet-pack.xlsx" 2>/dev/null)" = "PK" ] ||
    fail "mtfp run with no arguments did not write output/cabinet-pack.xlsx"
grep -q "Wrote output/cabinet-pack.xlsx" "$SCRATCH/out" || fail "no headline: $(cat "$SCRATCH/out")"
# The README shows what `make run` prints: it must be what it prints.
sed -n '/^Wrote output\/cabinet-pack.xlsx/,/^```$/p' "$SOURCE/README.md" | sed '$d' >"$SCRATCH/readme-headline"
same_file "$SCRATCH/readme-headline" "$SCRATCH/out"

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
# 3% of each Social Services spend line of 2006/07, each rounded: Employees
# £10,678,518.40 (the establishment's pay bill, 5.26) x 1.0295, Third Party Payments
# £11,325,964.64 x 1.03, Supplies £3,795,516.96, Transport £0.2m and Premises £1.0m
# x 1.025: 833,390.50 (docs/sources.md).
figure "3% efficiency" savings 2006/07 -833390.50
# The establishment (285 posts of 5.26) costs what the Employees lines say.
grep -qxF "Base,Assessment,*,pay_bill,2005/06,1838540.32" "$SCRATCH/csv/staffing.csv" ||
    fail "Assessment's 53 posts should cost 53 x (27,000 + NI 2,829.44 + pension 4,860) = 1,838,540.32"
[ "$(grep -c '^FRA\|^BS\|^FS\|^PPP\|^PR\|^CS' "$SOURCE/models/example/establishment.csv")" = 285 ] ||
    fail "the example's establishment should have the plan's 285 posts"
lines=$(grep -c '^Base,' "$SCRATCH/csv/revenue.csv")
[ "$lines" = $((40 * 4)) ] || fail "revenue.csv has $lines Base rows, expected 40 lines x 4 years"
grep -q "warning" "$SCRATCH/err" && fail "the example has findings: $(cat "$SCRATCH/err")"
# The same inputs give the same bytes, run after run.
expect_status 0 "$MTFP" run "$SOURCE/models/example" -o "$SCRATCH/again.xlsx"
cmp -s "$SCRATCH/pack.xlsx" "$SCRATCH/again.xlsx" || fail "two runs of the same inputs gave different packs"
finish
