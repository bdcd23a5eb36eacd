# The establishment against figures worked by hand (tests/fixtures/staffing/README.md).
source "$(dirname "$0")/lib.sh"
fixture=$SOURCE/tests/fixtures/staffing
if expect_status 0 "$MTFP" run "$fixture" -o "$SCRATCH/pack.xlsx" --csv "$SCRATCH/csv"; then
    staffing=$SCRATCH/csv/staffing.csv
    scenario="TaMHS locality worker and a 5% vacancy factor"
    # The TaMHS post is in post in 2010/11 alone: its category's rows read 0, 1, 0 (with no rows
    # for the years without it, a chart of the series would show one point).
    has_rows "$staffing" "Base,Fieldwork,Front Line,pay_bill,2009/10,69533.60" \
        "Base,Fieldwork,Front Line,pay_bill,2010/11,72924.58" \
        "Base,Fieldwork,Front Line,pay_bill,2011/12,75464.51" \
        "Base,Fieldwork,Front Line,fte,2009/10,2" "Base,Fieldwork,Front Line,headcount,2009/10,2" \
        "$scenario,CAMHS,Front Line,pay_bill,2010/11,32853.64" \
        "$scenario,CAMHS,Front Line,fte,2009/10,0" "$scenario,CAMHS,Front Line,fte,2011/12,0" \
        "$scenario,Fieldwork,*,pay_bill,2010/11,69278.35" \
        "$scenario,Fieldwork,*,pay_bill,2009/10,69533.60" # the base year: no vacancy factor yet
    has_rows "$SCRATCH/csv/summary.csv" \
        "$scenario,pressures,2010/11,32853.64" "$scenario,pressures,2011/12,-32853.64" \
        "$scenario,savings,2010/11,-3646.23" "$scenario,savings,2011/12,-127.00"
    # The vacancy factor is a saving of the tracker as of the Summary: 5% x 72,924.58 = (3,646.23),
    # 5% x 75,464.51 = (3,773.23), not rated (the plan counts it in full either way).
    has_rows "$SCRATCH/csv/savings.csv" \
        "$scenario,,Vacancy factor of 5% in Fieldwork,cashable,,planned,2010/11,-3646.23" \
        "$scenario,,Vacancy factor of 5% in Fieldwork,cashable,,risk_adjusted,2010/11,-3646.23" \
        "$scenario,,Vacancy factor of 5% in Fieldwork,cashable,,planned,2011/12,-3773.23"
    grep -q "Fieldwork: the establishment costs £69,533.60 in the base year, the Employees budget is £70,000.00 (difference (£466.40))" \
        "$SCRATCH/err" || fail "no reconciliation warning: $(cat "$SCRATCH/err")"
    # The Staffing sheet, then Posts: every post of establishment.csv, a row each.
    sheets=$(unzip -p "$SCRATCH/pack.xlsx" xl/workbook.xml | grep -o '<sheet name="[^"]*"' | cut -d'"' -f2)
    number=$(grep -nx Posts <<<"$sheets" | cut -d: -f1 || true)
    [ "$(grep -A1 -x Staffing <<<"$sheets" | tr '\n' ' ' || true)" = "Staffing Posts " ] ||
        fail "the pack has not a Staffing sheet and then Posts: $(echo $sheets)"
    posts=$(unzip -p "$SCRATCH/pack.xlsx" "xl/worksheets/sheet${number:-0}.xml" 2>/dev/null || true)
    while IFS=, read -r id service title _; do
        grep -q "<t>$id</t></is></c><c [^>]*><is><t>$service</t></is></c><c [^>]*><is><t>$title</t>" <<<"$posts" ||
            fail "the Posts sheet has no row for $id ($service, $title)"
    done < <(tail -n +2 "$fixture/establishment.csv")
fi
# staffing.remove and staffing.regrade, worked by hand in the fixture's README.md; and a remove
# and a regrade of a post already regraded, which act on the post the regrade left.
if expect_status 0 "$MTFP" run "$fixture" -s "$fixture/scripts/agency-ends.lua" \
    -s "$fixture/scripts/regrade.lua" -s "$fixture/scripts/regrade-then-remove.lua" \
    -s "$fixture/scripts/regraded-back.lua" -o "$SCRATCH/more.xlsx" --csv "$SCRATCH/more"; then
    ends="Agency cover ends in October 2010"
    regraded="FW1 regraded to SO2 from October 2010"
    removed="FW1 regraded from October 2010 and removed from April 2011"
    back="FW1 regraded from October 2010 and back from April 2011"
    has_rows "$SCRATCH/more/staffing.csv" "$ends,Fieldwork,Front Line,pay_bill,2010/11,53705.83" \
        "$ends,Fieldwork,Front Line,pay_bill,2011/12,36066.07" \
        "$regraded,Fieldwork,Front Line,pay_bill,2010/11,73741.30" \
        "$regraded,Fieldwork,Front Line,pay_bill,2011/12,78115.45" \
        "$removed,Fieldwork,Front Line,pay_bill,2010/11,73741.30" \
        "$removed,Fieldwork,Front Line,pay_bill,2011/12,39398.44" \
        "$back,Fieldwork,Front Line,pay_bill,2010/11,73741.30" \
        "$back,Fieldwork,Front Line,pay_bill,2011/12,75464.51"
    has_rows "$SCRATCH/more/summary.csv" \
        "$ends,savings,2010/11,-19218.75" "$ends,savings,2011/12,-20179.69" \
        "$regraded,pressures,2010/11,816.72" "$regraded,pressures,2011/12,1834.22" \
        "$removed,pressures,2011/12,1834.22" "$removed,savings,2011/12,-38717.01" \
        "$back,pressures,2010/11,816.72" "$back,pressures,2011/12,-816.72"
    # The Audit names the partner and service of a post removed or regraded (Council's Fieldwork,
    # as establishment.csv has FW1 and FW2), not '*'.
    audit=$(unzip -p "$SCRATCH/more.xlsx" 'xl/worksheets/sheet*.xml')
    for title in "Post FW2 removed" "Post FW1 regraded"; do
        grep -q "<t>$title</t></is></c><c [^>]*><is><t>Council</t></is></c><c [^>]*><is><t>Fieldwork</t>" \
            <<<"$audit" || fail "the Audit's row \"$title\" does not name Council and Fieldwork"
    done
    # FW2's pay from October 2010 saved: 6 x 3,203.125 = (19,218.75), then its whole year,
    # (39,398.44); a regrade is a pressure, not a saving of the tracker.
    has_rows "$SCRATCH/more/savings.csv" "$ends,FW2,Post FW2 removed,cashable,,planned,2010/11,-19218.75" \
        "$ends,FW2,Post FW2 removed,cashable,,planned,2011/12,-39398.44"
    ! grep -q "^$regraded," "$SCRATCH/more/savings.csv" || fail "a regrade is in savings.csv"
fi
# A post staffing.add added is removed as one of establishment.csv would be: TAMHS-1 of the
# README, paid April to September 2010 only: 2,658.40 x 5 + 2,794.52 = £16,086.52, the removal
# saving 32,853.64 - 16,086.52 = (£16,767.12).
if expect_status 0 "$MTFP" run "$fixture" -s "$fixture/scripts/tamhs-ends-early.lua" \
    -o "$SCRATCH/early.xlsx" --csv "$SCRATCH/early"; then
    early="TaMHS locality worker to September 2010"
    has_rows "$SCRATCH/early/staffing.csv" "$early,CAMHS,Front Line,pay_bill,2010/11,16086.52"
    has_rows "$SCRATCH/early/summary.csv" "$early,pressures,2010/11,32853.64" \
        "$early,savings,2010/11,-16767.12"
fi
# A category beyond the four standard ones: an error until model.lua declares it, then a
# category like the others. FW3, 0.5 FTE at SO1 point 20, is paid half of FW1's salary with NI
# above the full threshold: (1,000 + 64.00 + 200.00) x 5 + (1,050 + 70.40 + 210.00) x 7 =
# £15,632.80 in 2009/10.
cp -r "$fixture" "$SCRATCH/sessional"
echo "FW3,Fieldwork,Sessional worker,Sessional,0.5,SO1,20,,filled,,," >>"$SCRATCH/sessional/establishment.csv"
expect_status 1 "$MTFP" run "$SCRATCH/sessional" -o "$SCRATCH/sessional.xlsx" &&
    grep -q 'establishment.csv:4:4: unknown category "Sessional": a category beyond the four standard ones is declared in model.lua' \
        "$SCRATCH/err" || fail "an undeclared category: $(cat "$SCRATCH/err")"
sed -i 's|agency_premium = 0.25 }|agency_premium = 0.25, categories = { "Sessional" } }|' "$SCRATCH/sessional/model.lua"
if expect_status 0 "$MTFP" run "$SCRATCH/sessional" -o "$SCRATCH/sessional.xlsx" --csv "$SCRATCH/sessional-csv"; then
    has_rows "$SCRATCH/sessional-csv/staffing.csv" \
        "Base,Fieldwork,Sessional,fte,2009/10,0.5" "Base,Fieldwork,Sessional,headcount,2009/10,1" \
        "Base,Fieldwork,Sessional,pay_bill,2009/10,15632.80"
fi
# Halton's establishment in the pack's data equals the seed's table (seed 004, 2.3).
if expect_status 0 "$MTFP" run "$SOURCE/models/halton" -o "$SCRATCH/halton.xlsx" --csv "$SCRATCH/halton"; then
    while read -r service category fte heads; do
        service=${service//_/ }
        category=${category//_/ }
        grep -qxF "Base,$service,$category,fte,2006/07,$fte" "$SCRATCH/halton/staffing.csv" &&
            grep -qxF "Base,$service,$category,headcount,2006/07,$heads" "$SCRATCH/halton/staffing.csv" ||
            fail "Halton: $service, $category should be $fte FTE, $heads heads"
    done <<'TABLE'
Children_&_Families_Extended_Services Managerial 12 12
Children_&_Families_Extended_Services Professional/Technical 16 19
Children_&_Families_Extended_Services Administrative/Clerical 10 16
Children_&_Families_Extended_Services Front_Line 31.8 44
Disability_and_Complex_Needs Managerial 4 4
Disability_and_Complex_Needs Professional/Technical 3 3
Disability_and_Complex_Needs Administrative/Clerical 5.4 6
Disability_and_Complex_Needs Front_Line 19.6 21
Inclusive_Learning Managerial 3 3
Inclusive_Learning Professional/Technical 25.5 28
Inclusive_Learning Administrative/Clerical 5 7
Inclusive_Learning Front_Line 2.3 3
TABLE
fi
# A grant that ends while the posts it pays for stay (tests/fixtures/grants/README.md).
expect_status 0 "$MTFP" run "$SOURCE/tests/fixtures/grants" -o "$SCRATCH/grants.xlsx"
grep -q '"TaMHS grant" ends before 2011/12 but 1 post it pays for stay, costing £35,368.46 in 2011/12 without it' \
    "$SCRATCH/err" || fail "no exit-cost finding: $(cat "$SCRATCH/err")"
# A service with an Employees budget and no posts is not compared with the establishment on the
# Staffing sheet: its whole budget would show as a "difference" (the example's schools,
# (127,500,000.00)).
# The sheet's headings are frozen, and its labels are whole.
cp -r "$SOURCE/tests/fixtures/staffing" "$SCRATCH/unstaffed"
echo "Council,Business Support,Employees,50000.00" >>"$SCRATCH/unstaffed/revenue.csv"
if expect_status 0 "$MTFP" run "$SCRATCH/unstaffed" -o "$SCRATCH/unstaffed.xlsx"; then
    PYTHONPATH="$(dirname "$0")" /usr/bin/python3 - "$SCRATCH/unstaffed.xlsx" <<'PY' ||
import sys, zipfile
from pack_xml import cells, frozen_at, sheet_parts
xml = sheet_parts(zipfile.ZipFile(sys.argv[1]))["Staffing"]
labels = [text for (row, col), (kind, text) in sorted(cells(xml).items()) if col == 1 and kind == "s"]
assert "Fieldwork: pay bill" in labels, labels
assert not any(l.startswith("Business Support:") for l in labels), labels
assert frozen_at(xml) == "B3", frozen_at(xml)
PY
        fail "the Staffing sheet of a model with an unstaffed service"
fi
# Ending posts that are not there is a warning at the line: the fixture has no vacant post, and
# FW2, removed from October 2010, is not in post in January 2011.
cat >"$SCRATCH/no-op.lua" <<'LUA'
scenario "Deletes nothing"
staffing.delete_vacant { service = "Fieldwork", from = "2010-04" }
staffing.remove { post_id = "FW2", from = "2010-10" }
staffing.remove { post_id = "FW2", from = "2011-01" }
LUA
if expect_status 0 "$MTFP" run "$fixture" -s "$SCRATCH/no-op.lua" -o "$SCRATCH/no-op.xlsx"; then
    grep -qF "no-op.lua:2: warning: staffing.delete_vacant: no vacant post in Fieldwork from 2010-04; this changes nothing" \
        "$SCRATCH/err" || fail "no warning for a delete_vacant that deletes nothing: $(cat "$SCRATCH/err")"
    grep -qF "no-op.lua:4: warning: staffing.remove: post FW2 is not in post from 2011-01; this changes nothing" \
        "$SCRATCH/err" || fail "no warning for a remove of a post gone: $(cat "$SCRATCH/err")"
    ! grep -q "no-op.lua:3:" "$SCRATCH/err" || fail "the remove that ends FW2 warns: $(cat "$SCRATCH/err")"
fi
# A pay bill too large to add up is an error at the post that tips it, and nothing is written:
# three posts of £1,000,000,000,000.00 at 1.5 FTE with a pay award of 100% a year for 14 years
# cost 1e14 x 1.5 x 2^14 = 2.4576e18 pence each in 2023/24 before on-costs (x about 1.328 with NI
# at 12.8% and pension at 20%: 3.26e18), two of them 6.53e18, three 9.79e18, past int64's
# 9.22e18. Unchecked, the Staffing sheet's sum by service and category would overflow (UBSan:
# signed integer overflow) and the pack show what it wrapped to.
mkdir -p "$SCRATCH/huge"
cat >"$SCRATCH/huge/model.lua" <<'LUA'
model { name = "Huge posts", organisation = "Council", base_year = "2009/10", years = 14 }
index("pay", 1.0)
staffing { increment_month = 4, ni_rate = 0.128, ni_threshold = 6000, pension_rate = 0.2 }
LUA
printf 'partner,service,subjective,amount\nCouncil,F,Employees,1000000.00\n' >"$SCRATCH/huge/revenue.csv"
{
    echo 'post_id,service,title,category,fte,grade,point,salary,status,start,end,funding'
    for id in X1 X2 X3; do echo "$id,F,T,Front Line,1.5,,,1000000000000.00,filled,,,"; done
} >"$SCRATCH/huge/establishment.csv"
if expect_status 1 "$MTFP" run "$SCRATCH/huge" -o "$SCRATCH/huge.xlsx" --csv "$SCRATCH/huge-csv"; then
    grep -q 'huge/establishment.csv:4: with this post the pay bill of its service and category' \
        "$SCRATCH/err" || fail "no error at the post that overflows: $(cat "$SCRATCH/err")"
    [ ! -e "$SCRATCH/huge.xlsx" ] && [ ! -e "$SCRATCH/huge-csv/summary.csv" ] ||
        fail "an overflowing pay bill wrote output"
fi
# staffing.csv's amounts are written from pence, not through a double: an Employees budget of
# £1,000,000,000,000.00 doubled for 7 years (x 128) and 1p not indexed is 12,800,000,000,000,001
# pence in 2016/17, past 2^53, where a double has no odd pence (through one it would be 128000000000000.00).
mkdir -p "$SCRATCH/odd"
printf 'model { name = "Odd penny", organisation = "Council", base_year = "2009/10", years = 7 }\nindex("pay", 1.0)\n' \
    >"$SCRATCH/odd/model.lua"
printf 'partner,service,subjective,amount,index\nCouncil,F,Employees,1000000000000.00,pay\nCouncil,F,Employees,0.01,none\n' \
    >"$SCRATCH/odd/revenue.csv"
printf 'post_id,service,title,category,fte,grade,point,salary,status,start,end,funding\nX1,F,T,Front Line,1,,,30000.00,filled,,,\n' \
    >"$SCRATCH/odd/establishment.csv"
if expect_status 0 "$MTFP" run "$SCRATCH/odd" -o "$SCRATCH/odd.xlsx" --csv "$SCRATCH/odd-csv"; then
    has_rows "$SCRATCH/odd-csv/staffing.csv" "Base,F,*,budget,2016/17,128000000000000.01"
fi
finish
