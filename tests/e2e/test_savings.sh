# The savings tracker against figures worked by hand (tests/fixtures/savings/README.md).
source "$(dirname "$0")/lib.sh"
fixture=$SOURCE/tests/fixtures/savings
if expect_status 0 "$MTFP" run "$fixture" -o "$SCRATCH/pack.xlsx" --csv "$SCRATCH/csv"; then
    has_rows "$SCRATCH/csv/savings.csv" \
        "Base,S1,Out-of-borough placements review,cashable,green,planned,2010/11,-100000.00" \
        "Base,S2,Agency reduction,cashable,amber,planned,2010/11,-30000.00" \
        "Base,S2,Agency reduction,cashable,amber,risk_adjusted,2011/12,-30000.00" \
        "Base,S3,Process redesign,non-cashable,red,planned,2011/12,-20000.00" \
        "Base,S3,Process redesign,non-cashable,red,risk_adjusted,2011/12,0.00"
    has_rows "$SCRATCH/csv/summary.csv" \
        "Base,savings,2010/11,-115000.00" "Base,savings,2011/12,-15000.00" \
        "Base,net_budget_requirement,2011/12,1370000.00" "Base,gap,2011/12,0.00"
    pack_has "$SCRATCH/pack.xlsx" xl/workbook.xml '<sheet name="Savings"' ||
        fail "the pack has no Savings sheet"
fi
# A temporary saving (savings.csv's `to`): £40,000 a year from July 2010 to June 2011 is
# 9/12 = (£30,000) in 2010/11 and 3/12 = (£10,000) in 2011/12; green, so counted whole. The
# savings line becomes (£145,000), then +£5,000 (the (£15,000) before, and £20,000 less saved).
cp -r "$fixture" "$SCRATCH/temporary"
echo "S4,Recruitment freeze,Placements,Third Party Payments,40000,2010-07,2011-06,cashable,green," \
    >>"$SCRATCH/temporary/savings.csv"
if expect_status 0 "$MTFP" run "$SCRATCH/temporary" -o "$SCRATCH/temporary.xlsx" --csv "$SCRATCH/temporary-csv"; then
    has_rows "$SCRATCH/temporary-csv/savings.csv" \
        "Base,S4,Recruitment freeze,cashable,green,planned,2010/11,-30000.00" \
        "Base,S4,Recruitment freeze,cashable,green,planned,2011/12,-10000.00"
    has_rows "$SCRATCH/temporary-csv/summary.csv" \
        "Base,savings,2010/11,-145000.00" "Base,savings,2011/12,5000.00"
fi
# A percent saving counted risk-adjusted (README.md): the tracker's risk-adjusted delivery is
# what the plan budgets line by line, (22,500.05), not half its total rounded once, (22,500.04).
amber="Efficiency on every line (amber)"
if expect_status 0 "$MTFP" run "$fixture" -s "$fixture/scripts/percent-amber.lua" -o "$SCRATCH/amber.xlsx" --csv "$SCRATCH/amber"; then
    has_rows "$SCRATCH/amber/savings.csv" \
        "$amber,S4,Efficiency on every line,cashable,amber,planned,2010/11,-45000.08" \
        "$amber,S4,Efficiency on every line,cashable,amber,risk_adjusted,2010/11,-22500.05"
    has_rows "$SCRATCH/amber/summary.csv" "$amber,savings,2010/11,-137500.05" "$amber,savings,2011/12,-15000.00"
fi
# A script's saving with a reason and no title: its reason is its title in the tracker and in
# savings.csv alike (not an empty title in the CSV). Halton's first out-of-borough step: 7 children
# at £12,500 = £87,500 a year from April 2007, Third Party Payments inflated by contracts 3%:
# 87,500 x 1.03 = (£90,125.00) in 2007/08.
if expect_status 0 "$MTFP" run "$SOURCE/models/halton" -o "$SCRATCH/halton.xlsx" --csv "$SCRATCH/halton"; then
    has_rows "$SCRATCH/halton/savings.csv" \
        "Out-of-borough placements: 96 -> 89 -> 85 -> 80,OOB-1,7 fewer children educated out of borough (CS LPI 8),cashable,green,planned,2007/08,-90125.00"
fi
# from and to given as years, as saving{} takes them: from 2010/11 is April 2010 and to 2010/11
# March 2011, so £40,000 green is (£40,000) in 2010/11 (12 months) and nothing in 2011/12.
# The savings line becomes (£155,000), then +£25,000 (the programme's (£130,000) in 2011/12
# less (£155,000)).
cp -r "$fixture" "$SCRATCH/years"
echo "S5,One-year review,Placements,Third Party Payments,40000,2010/11,2010/11,cashable,green," \
    >>"$SCRATCH/years/savings.csv"
if expect_status 0 "$MTFP" run "$SCRATCH/years" -o "$SCRATCH/years.xlsx" --csv "$SCRATCH/years-csv"; then
    has_rows "$SCRATCH/years-csv/savings.csv" \
        "Base,S5,One-year review,cashable,green,planned,2010/11,-40000.00" \
        "Base,S5,One-year review,cashable,green,planned,2011/12,0.00"
    has_rows "$SCRATCH/years-csv/summary.csv" \
        "Base,savings,2010/11,-155000.00" "Base,savings,2011/12,25000.00"
fi
finish
