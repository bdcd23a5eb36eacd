# Pooled budgets against figures worked by hand (tests/fixtures/pools/README.md).
source "$(dirname "$0")/lib.sh"
fixture=$SOURCE/tests/fixtures/pools
if expect_status 0 "$MTFP" run "$fixture" -o "$SCRATCH/pack.xlsx" --csv "$SCRATCH/csv"; then
    pools=$SCRATCH/csv/pools.csv
    summary=$SCRATCH/csv/summary.csv
    has_rows "$pools" "Base,LAC placements,PCT,contribution,2010/11,360000.00" \
        "Base,LAC placements,Council,contribution,2010/11,840000.00" \
        '"Overspend, pro rata",LAC placements,PCT,share,2010/11,60000.00' \
        '"Overspend, pro rata",LAC placements,Council,share,2010/11,140000.00' \
        '"Overspend, PCT capped",LAC placements,PCT,share,2011/12,40000.00' \
        '"Overspend, PCT capped",LAC placements,Council,share,2011/12,160000.00' \
        '"Overspend, host'"'"'s first 50,000",LAC placements,PCT,share,2012/13,45000.00' \
        '"Overspend, host'"'"'s first 50,000",LAC placements,Council,share,2012/13,155000.00' \
        "Underspend,LAC placements,*,variance,2011/12,-100000.00" \
        "Underspend,LAC placements,PCT,share,2011/12,-30000.00"
    has_rows "$summary" \
        "Base,other_changes,2010/11,-360000.00" "Base,net_budget_requirement,2010/11,940000.00" \
        '"Overspend, pro rata",pressures,2010/11,140000.00' \
        '"Overspend, PCT capped",gap,2012/13,160000.00' \
        '"Overspend, host'"'"'s first 50,000",gap,2010/11,155000.00' \
        "Underspend,savings,2011/12,-70000.00" "Underspend,gap,2011/12,-70000.00"
    # Its saving{} of £100,000 from April 2011 has no title or reason: it is titled by where it
    # was made, so that two such savings are told apart in savings.csv and the tracker (both would
    # have an empty id and title).
    has_rows "$SCRATCH/csv/savings.csv" \
        "Underspend,,Saving at underspend.lua:2,cashable,,planned,2011/12,-100000.00"
    # The pool starts in 2010/11: the base year 2009/10 has no pool, so no rows (the Pooled
    # budgets sheet leaves it empty), not spend 1,200,000.00 with no contributions and no
    # variance.
    ! grep -q ',2009/10,' "$pools" || fail "pools.csv has a row before the pool starts: $(grep -m1 ',2009/10,' "$pools")"
    # Shares always add up to the variance, to the penny.
    bad=$(awk -F, 'NR > 1 { n = NF; amount = $n; gsub(/\./, "", amount)
                    key = $(n-1); for (i = 1; i <= n - 4; i++) key = key FS $i
                    if ($(n-3) == "*" && $(n-2) == "variance") variance[key] = amount + 0
                    if ($(n-2) == "share") shares[key] += amount }
                  END { for (k in variance) if (shares[k] != variance[k]) print k }' "$pools")
    [ -z "$bad" ] || fail "shares do not add up to the variance: $bad"
    pack_has "$SCRATCH/pack.xlsx" xl/workbook.xml '<sheet name="Pooled budgets"' ||
        fail "the pack has no Pooled budgets sheet"
fi
# Contributions as amounts by year (not shares): the PCT puts in £360,000, £400,000 and
# £420,000, the Council the rest of the £1,200,000 budget, so the Council's income from the
# PCT grows (other changes (£360,000), (£40,000), (£20,000)) and an overspend of £200,000 is
# shared pro rata to each year's contributions: the PCT's 400/1,200 = £66,666.67 in 2011/12
# (the Council, as host, £133,333.33 with the rounding) and 420/1,200 = £70,000.00 in 2012/13.
cp -r "$fixture" "$SCRATCH/by-year"
sed -i 's|contributions = { Council = 0.7, PCT = 0.3 } }|contributions = {\
    Council = { ["2010/11"] = 840000, ["2011/12"] = 800000, ["2012/13"] = 780000 },\
    PCT = { ["2010/11"] = 360000, ["2011/12"] = 400000, ["2012/13"] = 420000 } } }|' "$SCRATCH/by-year/model.lua"
if expect_status 0 "$MTFP" run "$SCRATCH/by-year" -o "$SCRATCH/by-year.xlsx" --csv "$SCRATCH/by-year-csv"; then
    has_rows "$SCRATCH/by-year-csv/pools.csv" \
        "Base,LAC placements,PCT,contribution,2012/13,420000.00" \
        '"Overspend, pro rata",LAC placements,PCT,share,2011/12,66666.67' \
        '"Overspend, pro rata",LAC placements,Council,share,2011/12,133333.33' \
        '"Overspend, pro rata",LAC placements,PCT,share,2012/13,70000.00'
    has_rows "$SCRATCH/by-year-csv/summary.csv" \
        "Base,other_changes,2011/12,-40000.00" "Base,other_changes,2012/13,-20000.00" \
        "Base,net_budget_requirement,2012/13,880000.00"
fi
# A cap and a threshold declared in model.lua's pool{} hold in every scenario: the first
# £10,000 of a variance is the host's, and the PCT bears at most £55,000 a year. Overspend
# pro rata: 30% x (200,000 - 10,000) = 57,000, capped at £55,000 (the Council £145,000);
# underspend: 30% x (-100,000 + 10,000) = (£27,000) returned to the PCT.
cp -r "$fixture" "$SCRATCH/rules"
sed -i 's|contributions = { Council = 0.7, PCT = 0.3 } }|contributions = { Council = 0.7, PCT = 0.3 },\
       cap = { PCT = 55000 }, threshold = 10000 }|' "$SCRATCH/rules/model.lua"
if expect_status 0 "$MTFP" run "$SCRATCH/rules" -o "$SCRATCH/rules.xlsx" --csv "$SCRATCH/rules-csv"; then
    has_rows "$SCRATCH/rules-csv/pools.csv" \
        '"Overspend, pro rata",LAC placements,PCT,share,2011/12,55000.00' \
        '"Overspend, pro rata",LAC placements,Council,share,2011/12,145000.00' \
        "Underspend,LAC placements,PCT,share,2011/12,-27000.00"
fi
# A rule that fails under pcall changes nothing: a cap for the host is refused, and the PCT's
# £55,000 cap from model.lua still holds (zeroing the caps before checking them would lose it,
# and the PCT bear the uncapped £57,000).
cat >"$SCRATCH/rules/scripts/pcall-cap.lua" <<'LUA'
scenario "A refused cap"
pressure { service = "LAC placements", subjective = "Third Party Payments", amount = 200000,
           from = "2010-04" }
assert(not pcall(function() pools["LAC placements"].cap = { Council = 5 } end))
LUA
if expect_status 0 "$MTFP" run "$SCRATCH/rules" -s "$SCRATCH/rules/scripts/pcall-cap.lua" \
    -o "$SCRATCH/pcall.xlsx" --csv "$SCRATCH/pcall-csv"; then
    has_rows "$SCRATCH/pcall-csv/pools.csv" \
        "A refused cap,LAC placements,PCT,share,2011/12,55000.00" \
        "A refused cap,LAC placements,*,variance,2011/12,200000.00"
fi
# pools["name"] cannot be replaced by a table (which would do nothing, without a word).
printf 'scenario "Replaced"\npools["LAC placements"] = { risk_share = "host" }\n' >"$SCRATCH/replace.lua"
expect_status 1 "$MTFP" run "$fixture" -s "$SCRATCH/replace.lua" -o "$SCRATCH/replace.xlsx" &&
    grep -q 'replace.lua:2: pools\["LAC placements"\] cannot be replaced' "$SCRATCH/err" ||
    fail "a pool replaced by a table: $(cat "$SCRATCH/err")"
finish
