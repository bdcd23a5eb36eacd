# Reserves and council tax against figures worked by hand (tests/fixtures/reserves/README.md).
source "$(dirname "$0")/lib.sh"
fixture=$SOURCE/tests/fixtures/reserves
scenario='"Smoothing: a draw, a contribution and a lower rise"'
if expect_status 0 "$MTFP" run "$fixture" -s "$fixture/scripts/use-reserves.lua" \
    -o "$SCRATCH/pack.xlsx" --csv "$SCRATCH/csv"; then
    summary=$SCRATCH/csv/summary.csv
    reserves=$SCRATCH/csv/reserves.csv
    has_rows "$summary" \
        "Base,funding,2009/10,70560000.00" "Base,funding,2010/11,73396441.44" \
        "Base,funding,2011/12,77829488.39" "Base,funding,2012/13,82530448.28" \
        "Base,gap,2011/12,-37088.39" "Base,general_reserve_closing,2010/11,2308441.44" \
        "Base,general_reserve_closing,2012/13,3193958.11" \
        "$scenario,funding,2010/11,73796441.44" "$scenario,use_of_reserves,2010/11,400000.00" \
        "$scenario,net_budget_requirement,2011/12,78042400.00" \
        "$scenario,contribution_to_reserves,2011/12,250000.00" \
        "$scenario,gap,2011/12,1695663.68" "$scenario,gap,2012/13,2266076.86" \
        "$scenario,general_reserve_closing,2012/13,-1003299.10"
    has_rows "$reserves" "Base,General reserve,closing,2009/10,3000000.00" \
        "Base,General reserve,gap_met,2010/11,691558.56" \
        "$scenario,General reserve,opening,2011/12,2708441.44" \
        "$scenario,General reserve,contributions,2011/12,250000.00" \
        "$scenario,General reserve,gap_met,2011/12,1695663.68" \
        "$scenario,General reserve,closing,2011/12,1262777.76" \
        "$scenario,Placements smoothing,draws,2010/11,400000.00" \
        "$scenario,Placements smoothing,closing,2012/13,100000.00"
    # The contribution is spending in the Reserves service, under Appropriations.
    has_rows "$SCRATCH/csv/revenue.csv" \
        "$scenario,Council,Reserves,Appropriations,2011/12,250000.00" \
        "$scenario,Council,Reserves,Appropriations,2012/13,0.00"
    # Each reserve's year adds up: opening + contributions - draws - gap met = closing.
    bad=$(awk -F, 'NR > 1 { n = NF; amount = $n; gsub(/\./, "", amount)
                    key = $(n-1); for (i = 1; i < n - 2; i++) key = key FS $i
                    value[key, $(n-2)] = amount + 0; keys[key] = 1 }
                  END { for (k in keys) if ((k, "opening") in value &&
                          value[k, "opening"] + value[k, "contributions"] - value[k, "draws"] \
                          - value[k, "gap_met"] != value[k, "closing"]) print k }' "$reserves")
    [ -z "$bad" ] || fail "a reserve's year does not add up: $bad"
    for finding in \
        "model.lua:11: warning: Base: the general reserve falls to £2,308,441.44 in 2010/11, below its minimum of £2,500,000.00" \
        "model.lua:4: warning: Base: council tax rises 4.99% in 2011/12, above the referendum limit of 2.99%" \
        "model.lua:4: warning: Base: council tax rises 4.99% in 2012/13" \
        "use-reserves.lua: warning: Smoothing: a draw, a contribution and a lower rise: the general reserve falls to £1,262,777.76 in 2011/12" \
        "use-reserves.lua: warning: Smoothing: a draw, a contribution and a lower rise: the general reserve runs out in 2012/13 (it would close the year at (£1,003,299.10))"; do
        grep -qF -- "$finding" "$SCRATCH/err" || fail "no finding: $finding"
    done
    # The scenario's rise of 2.99% is at the limit: no finding of its own.
    ! grep -q "Smoothing.*council tax rises" "$SCRATCH/err" || fail "a rise at the limit is a finding"
fi
# With gap_from = "none" the general reserve keeps its balance, whatever the gap.
cp -r "$fixture" "$SCRATCH/none"
sed -i 's/gap_from = "general"/gap_from = "none"/' "$SCRATCH/none/model.lua"
if expect_status 0 "$MTFP" run "$SCRATCH/none" -o "$SCRATCH/none.xlsx" --csv "$SCRATCH/none-csv"; then
    has_rows "$SCRATCH/none-csv/reserves.csv" "Base,General reserve,gap_met,2010/11,0.00" \
        "Base,General reserve,closing,2012/13,3000000.00"
fi
# A model without reserves writes reserves.csv's header alone and no reserve lines.
if expect_status 0 "$MTFP" run "$SOURCE/tests/fixtures/small" -o "$SCRATCH/small.xlsx" \
    --csv "$SCRATCH/small"; then
    [ "$(cat "$SCRATCH/small/reserves.csv")" = "scenario,reserve,measure,year,amount" ] ||
        fail "reserves.csv of a model without reserves: $(head -2 "$SCRATCH/small/reserves.csv")"
    ! grep -q reserve "$SCRATCH/small/summary.csv" || fail "reserve lines without reserves"
fi
finish
