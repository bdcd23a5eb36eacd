# Pooled budgets against figures worked by hand (tests/fixtures/pools/README.md).
source "$(dirname "$0")/lib.sh"
fixture=$SOURCE/tests/fixtures/pools
if expect_status 0 "$MTFP" run "$fixture" -o "$SCRATCH/pack.xlsx" --csv "$SCRATCH/csv"; then
    pools=$SCRATCH/csv/pools.csv
    summary=$SCRATCH/csv/summary.csv
    for row in "Base,LAC placements,PCT,contribution,2010/11,360000.00" \
        "Base,LAC placements,Council,contribution,2010/11,840000.00" \
        "Base,LAC placements,PCT,contribution,2009/10,0.00" \
        '"Overspend, pro rata",LAC placements,PCT,share,2010/11,60000.00' \
        '"Overspend, pro rata",LAC placements,Council,share,2010/11,140000.00' \
        '"Overspend, PCT capped",LAC placements,PCT,share,2011/12,40000.00' \
        '"Overspend, PCT capped",LAC placements,Council,share,2011/12,160000.00' \
        '"Overspend, host'"'"'s first 50,000",LAC placements,PCT,share,2012/13,45000.00' \
        '"Overspend, host'"'"'s first 50,000",LAC placements,Council,share,2012/13,155000.00' \
        "Underspend,LAC placements,*,variance,2011/12,-100000.00" \
        "Underspend,LAC placements,PCT,share,2011/12,-30000.00"; do
        grep -qxF "$row" "$pools" || fail "pools.csv lacks: $row"
    done
    for row in "Base,other_changes,2010/11,-360000.00" "Base,net_budget_requirement,2010/11,940000.00" \
        '"Overspend, pro rata",pressures,2010/11,140000.00' \
        '"Overspend, PCT capped",gap,2012/13,160000.00' \
        '"Overspend, host'"'"'s first 50,000",gap,2010/11,155000.00' \
        "Underspend,savings,2011/12,-70000.00" "Underspend,gap,2011/12,-70000.00"; do
        grep -qxF "$row" "$summary" || fail "summary.csv lacks: $row"
    done
    # Shares always add up to the variance, to the penny.
    bad=$(awk -F, 'NR > 1 { n = NF; amount = $n; gsub(/\./, "", amount)
                    key = $(n-1); for (i = 1; i <= n - 4; i++) key = key FS $i
                    if ($(n-3) == "*" && $(n-2) == "variance") variance[key] = amount + 0
                    if ($(n-2) == "share") shares[key] += amount }
                  END { for (k in variance) if (shares[k] != variance[k]) print k }' "$pools")
    [ -z "$bad" ] || fail "shares do not add up to the variance: $bad"
    unzip -p "$SCRATCH/pack.xlsx" xl/workbook.xml | grep -q '<sheet name="Pooled budgets"' ||
        fail "the pack has no Pooled budgets sheet"
fi
finish
