# The establishment against figures worked by hand (tests/fixtures/staffing/README.md).
source "$(dirname "$0")/lib.sh"
fixture=$SOURCE/tests/fixtures/staffing
if expect_status 0 "$MTFP" run "$fixture" -o "$SCRATCH/pack.xlsx" --csv "$SCRATCH/csv"; then
    staffing=$SCRATCH/csv/staffing.csv
    scenario="TaMHS locality worker and a 5% vacancy factor"
    for row in "Base,Fieldwork,Front Line,pay_bill,2009/10,69533.60" \
        "Base,Fieldwork,Front Line,pay_bill,2010/11,72924.58" \
        "Base,Fieldwork,Front Line,pay_bill,2011/12,75464.51" \
        "Base,Fieldwork,Front Line,fte,2009/10,2" "Base,Fieldwork,Front Line,headcount,2009/10,2" \
        "$scenario,CAMHS,Front Line,pay_bill,2010/11,32853.64" \
        "$scenario,Fieldwork,*,pay_bill,2010/11,69278.35"; do
        grep -qxF "$row" "$staffing" || fail "staffing.csv lacks: $row"
    done
    for row in "$scenario,pressures,2010/11,32853.64" "$scenario,pressures,2011/12,-32853.64" \
        "$scenario,savings,2010/11,-3646.23" "$scenario,savings,2011/12,-127.00"; do
        grep -qxF "$row" "$SCRATCH/csv/summary.csv" || fail "summary.csv lacks: $row"
    done
    grep -q "Fieldwork: the establishment costs £69,533.60 in the base year, the Employees budget is £70,000.00 (difference (£466.40))" \
        "$SCRATCH/err" || fail "no reconciliation warning: $(cat "$SCRATCH/err")"
    unzip -p "$SCRATCH/pack.xlsx" xl/workbook.xml | grep -q '<sheet name="Staffing"' ||
        fail "the pack has no Staffing sheet"
fi
finish
