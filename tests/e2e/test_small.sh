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
# A script written for a longer horizon runs with a shorter one: what it puts after the run's
# last year is a warning at its line and changes nothing the run shows (an error with --strict).
# With --years 1 (to 2010/11) the pressure from April 2011 and the grant of 2011/12 leave the
# scenario's 2010/11 as Base's: no pressures, funding 3,050,000 (3,000,000 and the transition
# grant's 50,000).
cat >"$SCRATCH/later.lua" <<'LUA'
scenario "Later"
pressure { service = "Assessment", subjective = "Premises", amount = 1000, from = "2011-04" }
funding { source = "New grant", amounts = { ["2011/12"] = 20000 } }
LUA
if expect_status 0 "$MTFP" run "$fixture" --years 1 -s "$SCRATCH/later.lua" -o "$SCRATCH/later.xlsx" \
    --csv "$SCRATCH/later"; then
    has_rows "$SCRATCH/later/summary.csv" "Later,pressures,2010/11,0.00" "Later,funding,2010/11,3050000.00"
    for warning in "later.lua:2: warning: pressure: from 2011-04 is after 2010/11, the last year of this run" \
        "later.lua:3: warning: funding{}: the amount for 2011/12 is after 2010/11, the last year of this run"; do
        grep -qF "$warning" "$SCRATCH/err" || fail "no warning \"$warning\": $(cat "$SCRATCH/err")"
    done
fi
expect_status 1 "$MTFP" run "$fixture" --years 1 -s "$SCRATCH/later.lua" -o "$SCRATCH/later.xlsx" --strict
# inputs = { revenue = "..." } names the ledger extract in place of revenue.csv:
# the same figures, and the Cover lists the file by its name.
cp -r "$fixture" "$SCRATCH/named"
mv "$SCRATCH/named/revenue.csv" "$SCRATCH/named/ledger-extract.csv"
sed -i 's|^  name = "Small council",.*|&\n  inputs = { revenue = "ledger-extract.csv" },|' "$SCRATCH/named/model.lua"
if expect_status 0 "$MTFP" run "$SCRATCH/named" -o "$SCRATCH/named.xlsx" --csv "$SCRATCH/named-csv"; then
    same_file "$fixture/expected/summary.csv" "$SCRATCH/named-csv/summary.csv"
    pack_has "$SCRATCH/named.xlsx" xl/worksheets/sheet1.xml "named/ledger-extract.csv<" ||
        fail "the Cover does not list ledger-extract.csv"
fi
# A file a scenario includes shaped the figures too: the Cover lists it with its SHA-256, once
# however many scripts include it.
mkdir -p "$SCRATCH/inc"
printf 'return 1000\n' >"$SCRATCH/inc/common.lua"
for name in one two; do
    printf 'scenario "%s"\nlocal amount = include "common.lua"\n' "$name" >"$SCRATCH/inc/$name.lua"
done
if expect_status 0 "$MTFP" run "$fixture" -s "$SCRATCH/inc/one.lua" -s "$SCRATCH/inc/two.lua" \
    -o "$SCRATCH/inc.xlsx"; then
    sha=$(sha256sum "$SCRATCH/inc/common.lua" | cut -d' ' -f1)
    cover=$(unzip -p "$SCRATCH/inc.xlsx" xl/worksheets/sheet1.xml)
    [ "$(grep -o "<t>include</t></is></c><c [^>]*><is><t>[^<]*inc/common.lua</t></is></c><c [^>]*><is><t>$sha</t>" <<<"$cover" | wc -l)" = 1 ] ||
        fail "the Cover does not list common.lua, included by two scripts, once with its SHA-256"
fi
# cost_centre narrows an item to a cost centre's lines: 10% on every spend line of AS1
# (Assessment's Supplies and Premises, not its grant): 2010/11 34.166 → 34.17 + 1,100.00 =
# £1,134.17; 2011/12 35.02 + 1,210.00 = 1,245.02, a change of £110.85.
cat >"$SCRATCH/cost-centre.lua" <<'LUA'
scenario "Assessment's cost centre"
pressure { service = "*", cost_centre = "AS1", percent = 0.1, from = "2010-04" }
LUA
if expect_status 0 "$MTFP" run "$fixture" -s "$SCRATCH/cost-centre.lua" -o "$SCRATCH/cc.xlsx" --csv "$SCRATCH/cc"; then
    has_rows "$SCRATCH/cc/summary.csv" "Assessment's cost centre,pressures,2010/11,1134.17" \
        "Assessment's cost centre,pressures,2011/12,110.85"
fi
# Control totals: one the lines miss by £333.33 and one naming a service the model has not got
# are warnings (on stderr and in the Audit sheet), and errors with --strict; one they meet
# (Assessment: 333.33 + 10,000.00 - 100,000.00) is not.
cp -r "$fixture" "$SCRATCH/control"
sed -i 's|^control_total .*|control_total { partner = "Council", amount = 2910000, label = "Net budget 2009/10" }\
control_total { service = "Assessment", amount = -89666.67, label = "Assessment 2009/10" }\
control_total { service = "Asessment", amount = 1 }|' "$SCRATCH/control/model.lua"
if expect_status 0 "$MTFP" run "$SCRATCH/control" -o "$SCRATCH/control.xlsx"; then
    [ "$(grep -c warning "$SCRATCH/err")" = 2 ] ||
        fail "control totals: expected two warnings: $(cat "$SCRATCH/err")"
    grep -q 'model.lua:14: warning: Net budget 2009/10 is £2,910,000.00 but the revenue lines add up to £2,910,333.33 (difference £333.33)' \
        "$SCRATCH/err" || fail "no warning for a control total the lines miss"
    grep -q 'model.lua:16: warning: control total: no revenue lines for service "Asessment" (did you mean "Assessment"?)' \
        "$SCRATCH/err" || fail "no warning for a control total naming no service"
    finding='Net budget 2009/10 is £2,910,000.00 but the revenue lines add up to £2,910,333.33'
    pack_has "$SCRATCH/control.xlsx" xl/worksheets/sheet1.xml "$finding" ||
        fail "the Cover does not list the control total's finding"
    audit=$(unzip -p "$SCRATCH/control.xlsx" xl/workbook.xml | grep -o '<sheet name="[^"]*"' |
        grep -n '"Audit"' | cut -d: -f1)
    pack_has "$SCRATCH/control.xlsx" "xl/worksheets/sheet$audit.xml" "$finding" ||
        fail "the Audit sheet does not list the control total's finding"
fi
expect_status 1 "$MTFP" run "$SCRATCH/control" -o "$SCRATCH/control.xlsx" --strict
# Income given as a positive amount (a sign lost in the ledger extract) is a warning at its cell.
cp -r "$fixture" "$SCRATCH/sign"
sed -i 's/"(100,000.00)"/"100,000.00"/' "$SCRATCH/sign/revenue.csv"
expect_status 0 "$MTFP" check "$SCRATCH/sign" &&
    grep -q 'sign/revenue.csv:6:5: warning: Government Grants is income but the amount is positive' \
        "$SCRATCH/err" || fail "no warning for positive income: $(cat "$SCRATCH/err")"
# A saving bigger than its budget (a digit too many) takes an expenditure budget below zero: a
# warning naming the budget and the first year (1,000,000 x 1.03 - 2,000,000 x 1.03).
cat >"$SCRATCH/too-big.lua" <<'LUA'
scenario "Too big a saving"
saving { service = "Placements & Resources", subjective = "Employees", amount = 2000000, from = "2010-04" }
LUA
expect_status 0 "$MTFP" check "$fixture" -s "$SCRATCH/too-big.lua" &&
    grep -q 'too-big.lua: warning: Too big a saving: the Employees budget of Placements & Resources (Council) is (£1,030,000.00) in 2010/11: the changes take more off it than it holds' \
        "$SCRATCH/err" || fail "no warning for spend below zero: $(cat "$SCRATCH/err")"
# Percent pressures and adjustments (README.md), given with -s.
if expect_status 0 "$MTFP" run "$fixture" -s "$fixture/scripts/percent-items.lua" \
    -o "$SCRATCH/percent.xlsx" --csv "$SCRATCH/percent"; then
    scenario="Percent pressures and adjustments"
    has_rows "$SCRATCH/percent/summary.csv" \
        "$scenario,pressures,2011/12,1210.00" "$scenario,pressures,2012/13,20121.00" \
        "$scenario,other_changes,2010/11,-2500.00" "$scenario,other_changes,2011/12,0.00" \
        "$scenario,other_changes,2012/13,2500.00"
    has_rows "$SCRATCH/percent/revenue.csv" \
        "$scenario,Council,Assessment,Premises,2012/13,14641.00" \
        "$scenario,Council,Assessment,Government Grants,2011/12,-102500.00" \
        "$scenario,Council,Assessment,Government Grants,2012/13,-80000.00"
fi
# The revenue lines' amounts, as sizes, add up to at most int64's 92,233,720,368,547,758.07, so that
# every sum of them fits: 92,233 lines at the £1,000,000,000,000.00 an amount may be load, the
# 92,234th (line 92,235 with the header) is an error at its amount. Past it the base year's sums
# would overflow: the control total's sum without a word (undefined behaviour), then the net
# budget requirement with no file named.
mkdir -p "$SCRATCH/huge"
echo 'model { name = "Huge", base_year = "2009/10", years = 1 }' >"$SCRATCH/huge/model.lua"
awk 'BEGIN { print "partner,service,subjective,amount"
             for (i = 0; i < 92234; i++) print "Council,A,Premises,1000000000000.00" }' \
    >"$SCRATCH/huge/revenue.csv"
expect_status 1 "$MTFP" check "$SCRATCH/huge" &&
    grep -q '^.*huge/revenue.csv:92235:4: the revenue lines add up to more than mtfp can hold' \
        "$SCRATCH/err" || fail "no error at the line that overflows: $(cat "$SCRATCH/err")"
sed -i '$d' "$SCRATCH/huge/revenue.csv"
expect_status 0 "$MTFP" check "$SCRATCH/huge"
# A total of the plan too large for pence names the scenario and its script (model.lua for
# Base): two lines of £1,000,000,000,000.00, one doubling every year, leave gaps of
# 10^14 x (2^y + 1) pence with no funding, which add up to 10^14 x (2^16 - 2 + 15) = 6.55e18 by
# 2024/25 and 10^14 x (2^17 - 2 + 16) = 1.31e19, past int64, by 2025/26.
mkdir -p "$SCRATCH/doubling"
printf 'model { name = "Doubling", base_year = "2009/10", years = 16 }\nindex("pay", 1.0)\n' \
    >"$SCRATCH/doubling/model.lua"
printf 'partner,service,subjective,amount\nCouncil,A,Employees,1000000000000.00\nCouncil,A,Premises,1000000000000.00\n' \
    >"$SCRATCH/doubling/revenue.csv"
expect_status 1 "$MTFP" check "$SCRATCH/doubling" &&
    grep -q '^.*doubling/model.lua: Base: the cumulative gap is too large to add up in pence' \
        "$SCRATCH/err" || fail "no scenario named for the overflow: $(cat "$SCRATCH/err")"
expect_status 0 "$MTFP" check "$SCRATCH/doubling" --years 15
finish
