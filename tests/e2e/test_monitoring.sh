# Budget monitoring against figures worked by hand (tests/fixtures/monitoring/README.md): the
# profile to date straight-line and profiled, the forecast outturn, RAG at the thresholds' edges,
# the recurring variance carried into the plan by the line's index, and the findings.
source "$(dirname "$0")/lib.sh"
fixture=$SOURCE/tests/fixtures/monitoring
month=2009-10
if expect_status 0 "$MTFP" run "$fixture" -o "$SCRATCH/pack.xlsx" --csv "$SCRATCH/csv"; then
    csv=$SCRATCH/csv/monitoring.csv
    has_rows "$csv" \
        "Council,Placements,Third Party Payments,red,budget,$month,1200000.00" \
        "Council,Placements,Third Party Payments,red,profile_to_date,$month,700000.00" \
        "Council,Placements,Third Party Payments,red,actual_to_date,$month,710000.00" \
        "Council,Placements,Third Party Payments,red,variance_to_date,$month,10000.00" \
        "Council,Placements,Third Party Payments,red,forecast_outturn,$month,1270000.00" \
        "Council,Placements,Third Party Payments,red,forecast_variance,$month,70000.00" \
        "Council,Placements,Third Party Payments,red,recurring_variance,$month,50000.00" \
        "Council,Placements,Transport,red,profile_to_date,$month,29166.67" \
        "Council,Placements,Transport,red,variance_to_date,$month,-4666.67" \
        "Council,Placements,Transport,red,recurring_variance,$month,-5000.00" \
        "Council,Business Support,Supplies and Services,amber,profile_to_date,$month,144000.00" \
        "Council,Business Support,Supplies and Services,amber,actual_to_date,$month,145000.00"
    # RAG at the edges: exactly 1% green, 1% and a penny amber, exactly 5% amber (on income
    # too), 5% and a penny red.
    has_rows "$csv" \
        "Council,Placements,Employees,green,forecast_variance,$month,6000.00" \
        "Council,Business Support,Supplies and Services,amber,forecast_variance,$month,2400.01" \
        "Council,Business Support,Customer and Client Receipts,amber,forecast_variance,$month,6000.00" \
        "Council,Business Support,Employees,red,forecast_variance,$month,15000.01"
    has_rows "$csv" \
        "*,Placements,*,amber,forecast_variance,$month,71000.00" \
        "*,Placements,*,amber,profile_to_date,$month,1079166.67" \
        "*,Business Support,*,red,forecast_outturn,$month,443400.02" \
        "*,*,*,amber,forecast_variance,$month,94400.02" \
        "*,*,*,amber,recurring_variance,$month,45000.00"
    # Into the plan: 50,000 x 1.03 and x 1.03^2 a pressure; 5,000 x 1.02 and x 1.02^2 a saving.
    # The line: 1,200,000 x 1.03 + 51,500 = 1,287,500.00; x 1.03^2 + 53,045 = 1,326,125.00.
    has_rows "$SCRATCH/csv/summary.csv" \
        "Base,pressures,2010/11,51500.00" "Base,pressures,2011/12,1545.00" \
        "Base,savings,2010/11,-5100.00" "Base,savings,2011/12,-102.00" \
        "Base,inflation,2010/11,59800.00" "Base,inflation,2011/12,61356.00" \
        "Base,gap,2010/11,46400.00" "Base,gap,2011/12,47843.00"
    has_rows "$SCRATCH/csv/revenue.csv" \
        "Base,Council,Placements,Third Party Payments,2010/11,1287500.00" \
        "Base,Council,Placements,Third Party Payments,2011/12,1326125.00"
    # The underspend is a saving of the tracker too.
    has_rows "$SCRATCH/csv/savings.csv" \
        "Base,,\"Recurring underspend in 2009/10: Placements, Transport\",cashable,,planned,2010/11,-5100.00"
    pack_has "$SCRATCH/pack.xlsx" xl/workbook.xml '<sheet name="Monitoring"' ||
        fail "the pack has no Monitoring sheet"
    pack_has "$SCRATCH/pack.xlsx" 'xl/worksheets/sheet*.xml' \
        'recurring overspend in the base year: Two more external placements than budgeted' ||
        fail "the Audit has no row for the recurring overspend"
    pack_has "$SCRATCH/pack.xlsx" 'xl/worksheets/sheet*.xml' \
        'Budget monitoring 2009/10: actuals to October 2009 (month 7 of 12)' ||
        fail "the Monitoring sheet's title does not say the month"
    [ ! -s "$SCRATCH/err" ] || fail "the fixture has findings: $(cat "$SCRATCH/err")"
fi

# carry = "none": the monitoring is reported, and the plan is the budget rolled forward.
cp -r "$fixture" "$SCRATCH/none"
sed -i 's/carry = "recurring"/carry = "none"/' "$SCRATCH/none/model.lua"
if expect_status 0 "$MTFP" run "$SCRATCH/none" -o "$SCRATCH/none.xlsx" --csv "$SCRATCH/none-csv"; then
    has_rows "$SCRATCH/none-csv/summary.csv" "Base,pressures,2010/11,0.00" \
        "Base,savings,2010/11,0.00" "Base,gap,2010/11,0.00" "Base,gap,2011/12,0.00"
    has_rows "$SCRATCH/none-csv/monitoring.csv" "*,*,*,amber,recurring_variance,$month,45000.00"
fi

# Findings (mtfp check): actuals on a line with no budget, at the row; and at month 7 a budget
# with no actuals, at its revenue.csv row. At month 6 a budget may have none yet.
cp -r "$fixture" "$SCRATCH/findings"
sed -i '/Customer and Client Receipts/d' "$SCRATCH/findings/actuals.csv" # 7 rows: 37 left
echo "Council,Business Support,BS01,Premises,2009-06,\"1,234.00\"" >>"$SCRATCH/findings/actuals.csv"
if expect_status 0 "$MTFP" check "$SCRATCH/findings"; then
    grep -qF "findings/actuals.csv:38: warning: Council, Business Support, Premises: actuals of £1,234.00 to 2009-10 but no budget in revenue.csv" \
        "$SCRATCH/err" || fail "no finding of actuals with no budget: $(cat "$SCRATCH/err")"
    grep -qF "findings/revenue.csv:6: warning: Council, Business Support, Customer and Client Receipts: a budget of (£120,000.00) and no actuals to 2009-10 (month 7 of 12)" \
        "$SCRATCH/err" || fail "no finding of a budget with no actuals: $(cat "$SCRATCH/err")"
fi
expect_status 1 "$MTFP" check "$SCRATCH/findings" --strict || true
sed -i '/,2009-10,/d' "$SCRATCH/findings/actuals.csv"
if expect_status 0 "$MTFP" check "$SCRATCH/findings"; then
    grep -q "no actuals to" "$SCRATCH/err" && fail "a budget with no actuals at month 6 is a finding"
    grep -qF "actuals of £1,234.00 to 2009-09 but no budget" "$SCRATCH/err" ||
        fail "no finding of actuals with no budget at month 6: $(cat "$SCRATCH/err")"
fi

# A forecast with no actuals yet: the sheet is there, with nothing to date.
cp -r "$fixture" "$SCRATCH/forecast-only"
rm "$SCRATCH/forecast-only/actuals.csv"
if expect_status 0 "$MTFP" run "$SCRATCH/forecast-only" -o "$SCRATCH/forecast-only.xlsx" \
    --csv "$SCRATCH/forecast-only-csv"; then
    has_rows "$SCRATCH/forecast-only-csv/monitoring.csv" \
        "Council,Placements,Third Party Payments,red,profile_to_date,,0.00" \
        "Council,Placements,Third Party Payments,red,recurring_variance,,50000.00"
    has_rows "$SCRATCH/forecast-only-csv/summary.csv" "Base,gap,2010/11,46400.00"
    pack_has "$SCRATCH/forecast-only.xlsx" 'xl/worksheets/sheet*.xml' 'the forecast outturn (no actuals yet)' ||
        fail "a forecast without actuals has no Monitoring sheet"
fi

# model.lua's inputs name the files.
cp -r "$fixture" "$SCRATCH/named"
mv "$SCRATCH/named/actuals.csv" "$SCRATCH/named/ledger-october.csv"
sed -i 's/^model { \(.*\) }$/model { \1, inputs = { actuals = "ledger-october.csv" } }/' "$SCRATCH/named/model.lua"
if expect_status 0 "$MTFP" run "$SCRATCH/named" -o "$SCRATCH/named.xlsx" --csv "$SCRATCH/named-csv"; then
    cmp -s "$SCRATCH/csv/monitoring.csv" "$SCRATCH/named-csv/monitoring.csv" ||
        fail "actuals named by inputs give other figures"
fi

# A model without monitoring: monitoring.csv's header alone, and no Monitoring sheet.
if expect_status 0 "$MTFP" run "$SOURCE/tests/fixtures/small" -o "$SCRATCH/small.xlsx" --csv "$SCRATCH/small"; then
    same_file - "$SCRATCH/small/monitoring.csv" <<<"partner,service,subjective,rag,measure,month,amount"
    pack_has "$SCRATCH/small.xlsx" xl/workbook.xml '"Monitoring"' && fail "a Monitoring sheet without monitoring"
fi
finish
