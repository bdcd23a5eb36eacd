# Placements against figures worked by hand (tests/fixtures/placements/README.md).
source "$(dirname "$0")/lib.sh"
fixture=$SOURCE/tests/fixtures/placements
if expect_status 0 "$MTFP" run "$fixture" -o "$SCRATCH/pack.xlsx" --csv "$SCRATCH/csv"; then
    placements=$SCRATCH/csv/placements.csv
    more="Three more external placements from October"
    down="Step down two children to fostering"
    # The children a script adds or moves are "added" (opening 10 + arrivals 5 - leavers 5 + 3 =
    # closing 13), so that the numbers in placements.csv add up without the script.
    has_rows "$placements" "Base,External residential,cost,2009/10,1500200.00" \
        "Base,External residential,pressure,2011/12,0.00" \
        "Base,In-house fostering,weeks,2009/10,2080" \
        "$more,External residential,weeks,2010/11,598" \
        "$more,External residential,pressure,2010/11,231780.90" \
        "$more,External residential,closing,2011/12,11.5" \
        "$more,External residential,added,2010/11,3" "$more,External residential,closing,2010/11,13" \
        "$down,External residential,added,2010/11,-2" "$down,In-house fostering,added,2010/11,2" \
        "$more,External residential,pressure,2011/12,358101.49" \
        "$down,External residential,pressure,2010/11,-309041.20" \
        "$down,In-house fostering,pressure,2010/11,42848.00" \
        "$down,External residential,pressure,2011/12,-238734.33" \
        "$down,In-house fostering,pressure,2011/12,33100.08"
    has_rows "$SCRATCH/csv/summary.csv" \
        "$more,pressures,2010/11,231780.90" "$down,pressures,2010/11,-266193.20"
    grep -q warning "$SCRATCH/err" && fail "the placements should reconcile: $(cat "$SCRATCH/err")"
    pack_has "$SCRATCH/pack.xlsx" xl/workbook.xml '<sheet name="Placements"' ||
        fail "the pack has no Placements sheet"
    # Weeks and children whole with thousands separators, but a row where a
    # projection gives part of a child (11.5, three more from October) to two
    # places in every year: the six rows are Base, then each script, by type.
    formats() { python3 "$SOURCE/tests/e2e/row_formats.py" "$SCRATCH/pack.xlsx" Placements "$1" | tr '\n' ' '; }
    [ "$(formats "Weeks of placement")" = "#,##0 #,##0 #,##0 #,##0 #,##0 #,##0 " ] ||
        fail "weeks of placement are not shown whole: $(formats "Weeks of placement")"
    [ "$(formats "Placed at the end of the year")" = "#,##0 #,##0 #,##0.00 #,##0 #,##0 #,##0 " ] ||
        fail "children placed are not shown whole, or 11.5 to two places: $(formats "Placed at the end of the year")"
fi
# placements.shift by percent: a fifth of the 10 external placements is the 2 children that
# step-down.lua moves by count, so every figure is the same.
if expect_status 0 "$MTFP" run "$fixture" -s "$fixture/scripts/step-down-fifth.lua" \
    -o "$SCRATCH/fifth.xlsx" --csv "$SCRATCH/fifth"; then
    figures() { grep "^$1," "$SCRATCH/fifth/placements.csv" | cut -d, -f2-; }
    [ -n "$(figures "Step down two children to fostering")" ] &&
        [ "$(figures "Step down two children to fostering")" = \
            "$(figures "Step down a fifth of external residential")" ] ||
        fail "placements.shift by percent differs from the same shift by count"
fi
# placements.growth and placements.cost, worked by hand in the fixture's README.md.
if expect_status 0 "$MTFP" run "$fixture" -s "$fixture/scripts/fostering-growth.lua" \
    -s "$fixture/scripts/residential-price.lua" -o "$SCRATCH/more.xlsx" --csv "$SCRATCH/more"; then
    growth="Arrivals to fostering grow 10% a year"
    price='"External residential at £3,000 a week"'
    has_rows "$SCRATCH/more/placements.csv" "$growth,In-house fostering,arrivals,2011/12,24.2" \
        "$growth,In-house fostering,closing,2011/12,45.2" \
        "$growth,In-house fostering,weeks,2011/12,2267.2" \
        "$growth,In-house fostering,pressure,2010/11,21424.00" \
        "$growth,In-house fostering,pressure,2011/12,79440.19" \
        "$price,External residential,weekly_cost,2010/11,3090.00" \
        "$price,External residential,weekly_cost,2011/12,3182.70" \
        "$price,External residential,pressure,2010/11,61594.00" \
        "$price,External residential,pressure,2011/12,63441.82"
    has_rows "$SCRATCH/more/summary.csv" \
        "$growth,pressures,2011/12,58016.19" "$price,pressures,2011/12,1847.82"
fi
# The base year's placements cost 10 x £2,885 x 52 + 40 x £400 x 52 = £2,332,200.00: a Third
# Party Payments budget £100 short is a finding; 50p short (within £1) is not.
for budget in "2,332,100.00" "2,332,199.50"; do
    model=$SCRATCH/budget-${budget//,/}
    mkdir -p "$model"
    cp -r "$fixture/." "$model/"
    sed -i "s/\"2,332,200.00\"/\"$budget\"/" "$model/revenue.csv"
    expect_status 0 "$MTFP" check "$model" || continue
    finding="Placements: placements cost £2,332,200.00 in the base year, the Third Party Payments budget is £$budget"
    if [ "$budget" = "2,332,100.00" ]; then
        grep -qF "$finding (difference £100.00)" "$SCRATCH/err" ||
            fail "no finding for a budget £100 short: $(cat "$SCRATCH/err")"
    else
        grep -q warning "$SCRATCH/err" && fail "a budget 50p short is a finding: $(cat "$SCRATCH/err")"
    fi
done
# A misspelt type is matched against every type (found by hash), not only the first few.
many=$SCRATCH/many-types
mkdir -p "$many/scripts"
cp "$fixture/model.lua" "$fixture/revenue.csv" "$many/"
{
    echo "type,service,count,weekly_cost,arrivals,average_weeks"
    for k in $(seq 1 500); do echo "Residential home $k,Placements,1,100.00,0,52"; done
} >"$many/placements.csv"
echo 'placements.add { type = "Residential hone 487", count = 1, from = "2010-10", leave = "at the type'"'"'s rate" }' \
    >"$many/scripts/three-more.lua"
echo 'scenario "Step down"' >"$many/scripts/step-down.lua"
expect_status 1 "$MTFP" check "$many"
grep -qF 'unknown placement type "Residential hone 487" (did you mean "Residential home 487"?)' \
    "$SCRATCH/err" || fail "no suggestion among 500 types: $(cat "$SCRATCH/err")"
# A placements.cost that fails changes nothing, though pcall catches it: External residential's
# weekly cost in 2010/11 is Base's, 2,885.00 x 1.03 = £2,971.55 (a price falling by 150% made it
# (£1,485.78)).
cat >"$SCRATCH/failed.lua" <<'LUA'
scenario "A failed price change"
assert(not pcall(placements.cost, { type = "External residential", percent = -1.5 }))
LUA
if expect_status 0 "$MTFP" run "$fixture" -s "$SCRATCH/failed.lua" -o "$SCRATCH/failed.xlsx" \
    --csv "$SCRATCH/failed"; then
    has_rows "$SCRATCH/failed/placements.csv" \
        "A failed price change,External residential,weekly_cost,2010/11,2971.55"
fi
# No more children is an outcome, not an error: uncertain.poisson(3) draws 0 one run in twenty
# (e^-3), so a placements.add that refused a count of 0 would stop almost every simulation of
# 1,000 runs of lua-api.md's own example. Adding 0 leaves Base's figures: 520 weeks and no
# pressure. A shift of 0 (or 0%) likewise moves no one, or a sweep of count = param("n", 2) over
# 0:2:1 would stop at its first point.
cat >"$SCRATCH/none.lua" <<'LUA'
scenario "None more"
placements.add { type = "External residential", count = 0, from = "2010-10",
                 leave = "at the type's rate" }
placements.shift { from_type = "External residential", to_type = "In-house fostering", count = 0,
                   from = "2010-10" }
placements.shift { from_type = "External residential", to_type = "In-house fostering", percent = 0,
                   from = "2010-10" }
LUA
if expect_status 0 "$MTFP" run "$fixture" -s "$SCRATCH/none.lua" -o "$SCRATCH/none.xlsx" \
    --csv "$SCRATCH/none"; then
    has_rows "$SCRATCH/none/placements.csv" "None more,External residential,weeks,2010/11,520" \
        "None more,External residential,pressure,2010/11,0.00"
fi
# How the children a scenario adds leave is the script's to say (README.md works both): at the
# type's rate, 14 placed at the end of 2010/11 are 12 a year on and the pressure is £477,468.65;
# staying to the end of the plan, 14 and £636,624.87.
for way in stay leave; do
    expect_status 0 "$MTFP" run "$fixture" -s "$fixture/scripts/four-more-$way.lua"         -o "$SCRATCH/four-$way.xlsx" --csv "$SCRATCH/four-$way" || fail "four-more-$way.lua"
done
has_rows "$SCRATCH/four-stay/placements.csv" \
    '"Four more external placements, staying",External residential,closing,2011/12,14' \
    '"Four more external placements, staying",External residential,leavers,2011/12,5' \
    '"Four more external placements, staying",External residential,weeks,2011/12,728' \
    '"Four more external placements, staying",External residential,pressure,2010/11,309041.20' \
    '"Four more external placements, staying",External residential,pressure,2011/12,636624.87'
has_rows "$SCRATCH/four-leave/placements.csv" \
    "\"Four more external placements, leaving at the type's rate\",External residential,closing,2011/12,12" \
    "\"Four more external placements, leaving at the type's rate\",External residential,weeks,2011/12,676" \
    "\"Four more external placements, leaving at the type's rate\",External residential,pressure,2011/12,477468.65"
printf 'scenario "Unsaid"\nplacements.add { type = "External residential", count = 4, from = "2010-10" }\n' \
    >"$SCRATCH/unsaid.lua"
expect_status 1 "$MTFP" check "$fixture" -s "$SCRATCH/unsaid.lua" &&
    grep -qxF "$SCRATCH/unsaid.lua:2: placements.add: say how the children leave: leave = \"at the type's rate\" (as those placed, from the next year) or leave = \"none within the plan\" (they stay to the end of the plan)" \
        "$SCRATCH/err" || fail "placements.add without leave: $(cat "$SCRATCH/err")"
# A provision a scenario adds (README.md): an in-house home from October 2010, two children
# stepping down to it from external residential care.
expect_status 0 "$MTFP" run "$fixture" -s "$fixture/scripts/new-home.lua" -o "$SCRATCH/home.xlsx" \
    --csv "$SCRATCH/home" || fail "new-home.lua"
has_rows "$SCRATCH/home/placements.csv" \
    "An in-house home opens,In-house residential,opening,2009/10,0" \
    "An in-house home opens,In-house residential,arrivals,2010/11,1" \
    "An in-house home opens,In-house residential,weeks,2010/11,78" \
    "An in-house home opens,In-house residential,cost,2010/11,160680.00" \
    "An in-house home opens,In-house residential,closing,2011/12,3.5" \
    "An in-house home opens,In-house residential,cost,2011/12,358584.20" \
    "An in-house home opens,External residential,pressure,2010/11,-154520.60" \
    "An in-house home opens,External residential,pressure,2011/12,-238734.33"
has_rows "$SCRATCH/home/summary.csv" "An in-house home opens,pressures,2010/11,6159.40"
cat >"$SCRATCH/early.lua" <<'LUA'
scenario "Placed before it opens"
placements.add_type { type = "Home", service = "Placements", weekly_cost = 2000,
                      average_weeks = 104, from = "2011-04" }
placements.add { type = "Home", count = 1, from = "2010-10", leave = "none within the plan" }
LUA
expect_status 1 "$MTFP" check "$fixture" -s "$SCRATCH/early.lua" &&
    grep -qxF "$SCRATCH/early.lua:4: placements.add: \"Home\" opens in 2011-04 (placements.add_type at $SCRATCH/early.lua:2), after 2010-10" \
        "$SCRATCH/err" || fail "a child placed before the home opens: $(cat "$SCRATCH/err")"
finish
