# The capital fixture against figures worked by hand (tests/fixtures/capital/README.md).
source "$(dirname "$0")/lib.sh"
fixture=$SOURCE/tests/fixtures/capital
if expect_status 0 "$MTFP" run "$fixture" -o "$SCRATCH/pack.xlsx" --csv "$SCRATCH/csv"; then
    for table in summary revenue capital; do
        same_file "$fixture/expected/$table.csv" "$SCRATCH/csv/$table.csv"
    done
    pack_has "$SCRATCH/pack.xlsx" xl/workbook.xml '<sheet name="Capital"' ||
        fail "the pack has no Capital sheet"
fi
# The capital API (tests/fixtures/capital-api/README.md).
api=$SOURCE/tests/fixtures/capital-api
if expect_status 0 "$MTFP" run "$fixture" -s "$api/add.lua" -s "$api/fund.lua" -s "$api/reprofile.lua" \
    -o "$SCRATCH/api.xlsx" --csv "$SCRATCH/api"; then
    has_rows "$SCRATCH/api/capital.csv" \
        "Add a centre,New centre,Early years,borrowing,2010/11,50000.00" \
        "Add a centre,New centre,Early years,grant,2010/11,50000.00" \
        "Add a centre,New centre,Early years,mrp,2011/12,5000.00" \
        "Add a centre,New centre,Early years,interest,2012/13,2250.00" \
        "Receipts for the roof,Roof repairs,Maintenance,receipts,2010/11,40000.00" \
        "Receipts for the roof,Roof repairs,Maintenance,mrp,2012/13,6000.00" \
        "Receipts for the roof,Roof repairs,Maintenance,interest,2012/13,2700.00" \
        "More roof in 2011/12,Roof repairs,Maintenance,borrowing,2011/12,50000.00" \
        "More roof in 2011/12,Roof repairs,Maintenance,mrp,2012/13,15000.00" \
        "More roof in 2011/12,Roof repairs,Maintenance,interest,2012/13,7000.00"
fi
# A slip by amount, and a scheme funded by one source (the same README).
if expect_status 0 "$MTFP" run "$fixture" -s "$api/slip-amount.lua" -s "$api/add-borrowing.lua" \
    -o "$SCRATCH/api2.xlsx" --csv "$SCRATCH/api2"; then
    slip='"Roof: £40,000 slips a year",Roof repairs,Maintenance'
    add="Add a centre on borrowing,New centre,Early years"
    has_rows "$SCRATCH/api2/capital.csv" \
        "$slip,borrowing,2010/11,60000.00" "$slip,borrowing,2011/12,40000.00" \
        "$slip,mrp,2012/13,10000.00" "$slip,interest,2011/12,3000.00" "$slip,interest,2012/13,4700.00" \
        "$add,borrowing,2010/11,100000.00" "$add,grant,2010/11,0.00" "$add,mrp,2011/12,10000.00" \
        "$add,interest,2012/13,4500.00"
fi
# Funding shares round half away from zero, and the largest source takes the penny left over:
# of £7,582,827.10, 35% is £2,653,989.485 -> £2,653,989.49 of grant, 45% £3,412,272.195 -> .20 of
# borrowing and 20% £1,516,565.42 of receipts, a penny over the spend, which the borrowing gives
# back (£3,412,272.19). llround would take the grant down to .48 (0.35 in binary is a hair
# below), and the borrowing keep .20.
cat > "$SCRATCH/shares.lua" <<'LUA'
scenario "Shares of odd pence"
capital.add { scheme = "Odd centre", programme = "Early years", service = "Schools",
              spend = { ["2010/11"] = 7582827.10 },
              funding = { grant = 0.35, borrowing = 0.45, receipts = 0.2 } }
LUA
if expect_status 0 "$MTFP" run "$fixture" -s "$SCRATCH/shares.lua" -o "$SCRATCH/shares.xlsx" \
    --csv "$SCRATCH/shares"; then
    odd="Shares of odd pence,Odd centre,Early years"
    has_rows "$SCRATCH/shares/capital.csv" "$odd,grant,2010/11,2653989.49" \
        "$odd,borrowing,2010/11,3412272.19" "$odd,receipts,2010/11,1516565.42"
fi
# Annuity MRP at its own rate (annuity_rate 4%, interest 5%): the roof's £100,000 over 10 years
# repays 100,000 x 0.04 / (1.04^10 - 1) = £8,329.09 of principal in its first year and
# x 1.04 = £8,662.26 in the next; interest 5% x 100,000 = £5,000, then 5% x 91,670.91 = £4,583.55.
cp -r "$fixture" "$SCRATCH/annuity"
sed -i 's|capital { mrp = "straight-line", interest_rate = 0.05,|capital { mrp = "annuity", annuity_rate = 0.04, interest_rate = 0.05,|' \
    "$SCRATCH/annuity/model.lua"
if expect_status 0 "$MTFP" run "$SCRATCH/annuity" -o "$SCRATCH/annuity.xlsx" --csv "$SCRATCH/annuity-csv"; then
    roof="Base,Roof repairs,Maintenance"
    has_rows "$SCRATCH/annuity-csv/capital.csv" "$roof,mrp,2011/12,8329.09" "$roof,mrp,2012/13,8662.26" \
        "$roof,interest,2011/12,5000.00" "$roof,interest,2012/13,4583.55"
fi
# A call that fails changes nothing, though pcall catches it: the scheme a failed capital.add
# named is not there (so adding it again works, with the figures of add-borrowing.lua above),
# and the cash limit a failed funding{} gave 2010/11 stays Base's £150,000.
cat >"$SCRATCH/failed.lua" <<'LUA'
scenario "Failed calls"
assert(not pcall(capital.add, { scheme = "New centre", programme = "Early years", service = "Schools",
                                spend = { ["2010/11"] = 100000 }, funding = "borrowing",
                                running_costs = 1000, running_from = "2009/10" }))
capital.add { scheme = "New centre", programme = "Early years", service = "Schools",
              spend = { ["2010/11"] = 100000 }, funding = "borrowing", asset_life = 10 }
assert(not pcall(funding, { source = "Cash limit", amounts = { ["2010/11"] = 1 }, to = "2050/51" }))
LUA
if expect_status 0 "$MTFP" run "$fixture" -s "$SCRATCH/failed.lua" -o "$SCRATCH/failed.xlsx" \
    --csv "$SCRATCH/failed"; then
    add="Failed calls,New centre,Early years"
    has_rows "$SCRATCH/failed/capital.csv" "$add,borrowing,2010/11,100000.00" \
        "$add,running_costs,2012/13,0.00" "$add,mrp,2011/12,10000.00" "$add,interest,2012/13,4500.00"
    has_rows "$SCRATCH/failed/summary.csv" "Failed calls,funding,2010/11,150000.00"
fi
# Herefordshire's scripts, written for its three years, run for one: the Primary Strategy's slip
# from 2009/10 to 2010/11 goes beyond it, a warning at the script's line.
expect_status 0 "$MTFP" check "$SOURCE/models/herefordshire" --years 1 &&
    grep -qF "psfc-slippage.lua:7: warning: capital.slip: slipping to 2010/11 is after 2009/10, the last year of this run" \
        "$SCRATCH/err" || fail "no warning of a slip beyond the horizon: $(cat "$SCRATCH/err")"
# Borrowing needs model.lua's interest rate and an asset life: a scheme a script adds, or
# funding moved to borrowing, in a model that gives neither is an error at the script's line.
cat >"$SCRATCH/borrow.lua" <<'LUA'
scenario "Borrows"
capital.add { scheme = "Hall", programme = "New", service = "Family Support",
              spend = { ["2010/11"] = 100000 }, funding = "borrowing", asset_life = 40 }
LUA
expect_status 1 "$MTFP" check "$SOURCE/tests/fixtures/combined" -s "$SCRATCH/borrow.lua" &&
    grep -qxF "$SCRATCH/borrow.lua:2: capital.add: \"Hall\" borrows, and model.lua gives no interest rate for its revenue consequences: set capital { interest_rate = ... } in model.lua" \
        "$SCRATCH/err" || fail "capital.add borrowing with no interest rate: $(cat "$SCRATCH/err")"
printf 'scenario "Fund"\ncapital.fund { scheme = "Family centre", year = "2010/11", from = "grant", to = "borrowing", amount = 1000 }\n' \
    >"$SCRATCH/fund.lua"
expect_status 1 "$MTFP" check "$SOURCE/tests/fixtures/combined" -s "$SCRATCH/fund.lua" &&
    grep -qF "fund.lua:2: capital.fund: \"Family centre\" borrows, and model.lua gives no interest rate" \
        "$SCRATCH/err" || fail "capital.fund to borrowing with no interest rate: $(cat "$SCRATCH/err")"
# A model without capital.csv has no Capital sheet, and its capital.csv has the header row alone
# (every run writes the same files: test_cli.sh).
expect_status 0 "$MTFP" run "$SOURCE/tests/fixtures/small" -o "$SCRATCH/small.xlsx" --csv "$SCRATCH/small"
same_file - "$SCRATCH/small/capital.csv" <<<"scenario,scheme,programme,measure,year,amount"
pack_has "$SCRATCH/small.xlsx" xl/workbook.xml '"Capital"' && fail "a Capital sheet without capital"
finish
