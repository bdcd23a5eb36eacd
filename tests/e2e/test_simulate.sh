# mtfp simulate and mtfp sweep on real models: the same seed gives the same
# results with one thread and two; the percentiles of a known distribution
# land where the distribution says (tests/fixtures/uncertain/README.md); a
# sweep reproduces separate `mtfp run --set` results exactly; bad usage and
# a failing run are clear errors that leave earlier output alone.
source "$(dirname "$0")/lib.sh"
fixture=$SOURCE/tests/fixtures/uncertain
normal=$fixture/scripts/normal.lua

# Thread counts and seeds.
for threads in 1 2; do
    expect_status 0 "$MTFP" simulate "$fixture" -s "$normal" --runs 10000 --seed 7 --threads "$threads" \
        -o "$SCRATCH/t$threads.xlsx" --csv "$SCRATCH/t$threads"
done
same_file "$SCRATCH/t1/simulation.csv" "$SCRATCH/t2/simulation.csv"
same_file "$SCRATCH/t1/simulation-runs.csv" "$SCRATCH/t2/simulation-runs.csv"
cmp -s "$SCRATCH/t1.xlsx" "$SCRATCH/t2.xlsx" || fail "the packs of 1 and 2 threads differ"
expect_status 0 "$MTFP" simulate "$fixture" -s "$normal" --runs 10000 --seed 8 --threads 2 \
    -o "$SCRATCH/s8.xlsx" --csv "$SCRATCH/s8"
! cmp -s "$SCRATCH/t1/simulation-runs.csv" "$SCRATCH/s8/simulation-runs.csv" ||
    fail "seeds 7 and 8 drew the same runs"

# With no -s, the scenarios model.lua lists that draw uncertain values are simulated, as the
# same script given with -s would be (certain.lua, listed too, draws none and is left alone).
cp -r "$fixture" "$SCRATCH/listed"
sed -i 's|^model { name = "Uncertain fixture",|model { scenarios = { "scripts/certain.lua", "scripts/normal.lua" }, name = "Uncertain fixture",|' \
    "$SCRATCH/listed/model.lua"
expect_status 0 "$MTFP" simulate "$SCRATCH/listed" --runs 10000 --seed 7 -o "$SCRATCH/listed.xlsx" \
    --csv "$SCRATCH/listed-csv"
same_file "$SCRATCH/t1/simulation.csv" "$SCRATCH/listed-csv/simulation.csv"
grep -q "Agency cover: 10000 runs (seed 7, 1 uncertain value each)" "$SCRATCH/out" ||
    fail "simulate's summary: $(cat "$SCRATCH/out")"

# --threshold's chance is on the terminal too, as in simulation.csv: normal(100000, 10000) is above
# 110,000 one run in 6.3 (15.87%).
expect_status 0 "$MTFP" simulate "$fixture" -s "$normal" --runs 10000 --seed 7 --threshold 110000 \
    -o "$SCRATCH/above.xlsx" --csv "$SCRATCH/above"
share=$(awk -F, '$3 == "share_above_110000.00" && $4 == "2011/12" { printf "%.1f", $5 * 100 }' \
    "$SCRATCH/above/simulation.csv")
grep -q "above £110,000.00 in $share%" "$SCRATCH/out" || fail "no chance above the threshold ($share%): $(cat "$SCRATCH/out")"
awk -v s="$share" 'BEGIN { exit !(s > 14.5 && s < 17.5) }' || fail "a normal above 1 sd in $share% of runs"

# normal(100000, 10000): each statistic of the final-year gap within its
# tolerance of the distribution's (pence).
python3 - "$SCRATCH/t2/simulation.csv" <<'PY' || fail "the simulated statistics are not the distribution's"
import csv, sys
want = {"mean": (10000000, 50000), "sd": (1000000, 30000), "p5": (8355150, 100000),
        "p25": (9325510, 60000), "p50": (10000000, 60000), "p75": (10674490, 60000),
        "p95": (11644850, 100000)}
got = {r["statistic"]: round(float(r["value"]) * 100) for r in csv.DictReader(open(sys.argv[1]))
       if r["measure"] == "gap" and r["year"] == "2011/12"}
bad = [f"{k}: {got[k]} not within {t} of {w}" for k, (w, t) in want.items() if abs(got[k] - w) > t]
shares = [r for r in csv.DictReader(open(sys.argv[1])) if r["statistic"] == "share_above_0.00"]
if [s["value"] for s in shares] != ["0", "1", "1"]:
    bad.append(f"the chance of a shortfall by year is {[s['value'] for s in shares]}, expected 0, 1, 1")
print("\n".join(bad), file=sys.stderr)
sys.exit(1 if bad else 0)
PY
# Every run's gap is its draw: the same in both projection years, 10,000 runs.
runs=$(grep -c ',gap,2011/12,' "$SCRATCH/t2/simulation-runs.csv")
[ "$runs" = 10000 ] || fail "simulation-runs.csv has $runs final-year gaps, expected 10000"
awk -F, '$3 == "gap" && $4 != "2009/10" { if (seen[$2] != "" && seen[$2] != $5) bad++; seen[$2] = $5 }
         END { exit bad > 0 }' "$SCRATCH/t2/simulation-runs.csv" ||
    fail "a run's gap differs between the two projection years"

# The Simulation sheet prints at the scale of its columns, A to I (the runs' reach furthest: the
# run number, then four years' gaps and four NBRs): column A 34 x 7 + 5 = 243 pixels and eight of
# 16 characters, 8 x 117 = 936, so 889.3 / 1179 = 75.4% (mtfp_book_print_scale). Each chart is under
# its table and as wide as the columns (0 to 9 at no offset): beside the tables they would take the
# sheet to column N and 59%. A page holds 36 rows at 75% (mtfp_book_page_rows). The statistics
# (rows 4 to 32) fill the first page; the fan chart's table (rows 34 to 39) and its chart (41 to 60)
# the second; the histogram's table (61 to 82) and its chart (84 to 103, with the runs' heading)
# are 43 rows, more than a page, so each starts one. The 1,000 runs are a collapsed outline group
# under their heading (rows 105 to 1105: the runs' column headings and the runs, hidden, level 1;
# the group opens from the heading, row 104, above it), which does not print: printed, they would
# be 18 more pages. The formulas read the hidden rows as any (test_libreoffice.sh and test_gnumeric.sh
# check every statistic and every run).
expect_status 0 "$MTFP" simulate "$SOURCE/models/example" -s "$SOURCE/scripts/placement-uncertainty.lua" --runs 1000 \
    -o "$SCRATCH/simulation-printed.xlsx"
simulation_sheet=$(unzip -p "$SCRATCH/simulation-printed.xlsx" xl/worksheets/sheet4.xml)
hidden=$(grep -o '<row r="[0-9]*" hidden="1" outlineLevel="1"' <<<"$simulation_sheet" | sed -n '1p;$p' | tr -d '\n' || true)
[ "$hidden" = '<row r="105" hidden="1" outlineLevel="1"<row r="1105" hidden="1" outlineLevel="1"' ] ||
    fail "the Simulation sheet's runs are not hidden in a group at rows 105 to 1105: $hidden"
[ "$(grep -o ' hidden="1" outlineLevel="1"' <<<"$simulation_sheet" | wc -l)" = 1001 ] ||
    fail "the Simulation sheet's group is not the 1,001 rows of the runs and their headings"
grep -qF '<outlinePr summaryBelow="0"/>' <<<"$simulation_sheet" && grep -qF '<row r="104" collapsed="1">' <<<"$simulation_sheet" ||
    fail "the Simulation sheet's runs do not open from their heading"
grep -qF '<pageSetup paperSize="9" scale="75"' <<<"$simulation_sheet" ||
    fail "the Simulation sheet does not print at 75%: $(grep -o '<pageSetup[^>]*>' <<<"$simulation_sheet")"
pack_has "$SCRATCH/simulation-printed.xlsx" xl/workbook.xml '>Simulation!$A:$I</definedName>' ||
    fail "the Simulation sheet's print area is not A:I"
grep -qF '<rowBreaks count="3" manualBreakCount="3"><brk id="33" max="16383" man="1"/><brk id="60" max="16383" man="1"/><brk id="83" ' <<<"$simulation_sheet" ||
    fail "the Simulation sheet's fan chart's table (row 34), histogram (row 61) and its chart (row 84) do not start pages: $(grep -o '<rowBreaks.*</rowBreaks>' <<<"$simulation_sheet")"
for top in 40 83; do
    pack_has "$SCRATCH/simulation-printed.xlsx" 'xl/drawings/drawing*.xml' "<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>$top</xdr:row><xdr:rowOff>38100</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff>" ||
        fail "the Simulation sheet has no chart under its table at row $((top + 1)), as wide as the columns"
done

# A second simulated scenario starts a page (row 117, after the first's ten hidden runs), and so
# do its fan chart's table (row 147), its histogram (row 174) and that chart (row 197), as the
# first's do (rows 34, 61 and 84): the fixture's two years print at 94%, 28 rows a page.
sed 's/^scenario "Agency cover"/scenario "Agency cover, again"/' "$normal" >"$SCRATCH/again.lua"
expect_status 0 "$MTFP" simulate "$fixture" -s "$normal" -s "$SCRATCH/again.lua" --runs 10 -o "$SCRATCH/two.xlsx"
pack_has "$SCRATCH/two.xlsx" xl/worksheets/sheet4.xml '<rowBreaks count="7" manualBreakCount="7"><brk id="33" max="16383" man="1"/><brk id="60" max="16383" man="1"/><brk id="83" max="16383" man="1"/><brk id="116" max="16383" man="1"/><brk id="146" max="16383" man="1"/><brk id="173" max="16383" man="1"/><brk id="196" ' ||
    fail "the second simulated scenario, the fan charts and the histograms do not start pages"

# A sweep over a param reproduces separate runs with --set, to the penny.
example=$SOURCE/models/example
expect_status 0 "$MTFP" sweep "$example" --vary extra_placements=0:6:2 -o "$SCRATCH/sweep.xlsx" \
    --csv "$SCRATCH/sweep"
for value in 0 2 4 6; do
    expect_status 0 "$MTFP" run "$example" --set extra_placements=$value -o "$SCRATCH/run.xlsx" \
        --csv "$SCRATCH/run-$value"
    grep -E '^Placement pressure[^,]*,(net_budget_requirement|gap),' "$SCRATCH/run-$value/summary.csv" |
        sed "s/,/,$value,/" | sort >"$SCRATCH/want-$value"
    grep -E "^Placement pressure[^,]*,$value,(net_budget_requirement|gap)," "$SCRATCH/sweep/sweep.csv" |
        sort >"$SCRATCH/got-$value"
    [ -s "$SCRATCH/want-$value" ] || fail "run --set extra_placements=$value gave no summary rows"
    same_file "$SCRATCH/want-$value" "$SCRATCH/got-$value"
done
# The Sweep sheet prints at the scale of its tables, A to I: column A as wide as the scenario's
# 62-character name, 64 x 7 + 5 = 458 pixels, and eight of 16 characters, 8 x 117 = 936, so
# 889.3 / 1394 = 63.8% (mtfp_book_print_scale). Its charts are under the tables and as wide
# (columns 0 to 9 at no offset): beside them the sheet would run to column U and print at 40%, the
# charts tiny.
# The grid (rows 4 to 12) and its chart (rows 14 to 32) fill the first page; the tornado's heading,
# note, column headings, two bars, a blank row and its chart (26 rows) start the second, at row 34.
# The tornado's heading ends before the fifth column, whose heading takes two lines ("Final-year
# gap at / low £"): run on over it, the heading's words ran into them.
expect_status 0 "$MTFP" sweep "$example" --vary extra_placements=0:6:1 -o "$SCRATCH/printed.xlsx"
pack_has "$SCRATCH/printed.xlsx" xl/worksheets/sheet4.xml '<pageSetup paperSize="9" scale="64"' ||
    fail "the Sweep sheet does not print at 64%: $(unzip -p "$SCRATCH/printed.xlsx" xl/worksheets/sheet4.xml | grep -o '<pageSetup[^>]*>')"
pack_has "$SCRATCH/printed.xlsx" xl/workbook.xml '>Sweep!$A:$I</definedName>' ||
    fail "the Sweep sheet's print area is not A:I"
pack_has "$SCRATCH/printed.xlsx" xl/worksheets/sheet4.xml '<rowBreaks count="1" manualBreakCount="1"><brk id="33" ' ||
    fail "the Sweep sheet's tornado does not start the second page"
for top in 13 39; do
    pack_has "$SCRATCH/printed.xlsx" 'xl/drawings/drawing*.xml' "<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>$top</xdr:row><xdr:rowOff>38100</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff>" ||
        fail "the Sweep sheet has no chart under its tables at row $((top + 1)), as wide as they are"
done
pack_has "$SCRATCH/printed.xlsx" xl/worksheets/sheet4.xml "<t>Tornado: the final-year gap at each param's low and high</t>" ||
    fail "the tornado's heading is not short enough to end before the two-line column headings"
# A grid of two params has a row for each pair, the first param fastest.
expect_status 0 "$MTFP" sweep "$example" --vary extra_placements=1:3:1 --vary placement_cost=150000:200000:50000 \
    -o "$SCRATCH/grid.xlsx" --csv "$SCRATCH/grid"
got=$(awk -F, '$5 == "2008/09" && $4 == "gap" { print $2 "x" $3 }' "$SCRATCH/grid/sweep.csv" | tr '\n' ' ')
[ "$got" = "1x150000 2x150000 3x150000 1x200000 2x200000 3x200000 " ] || fail "the grid's points: $got"
# A scenario is swept over the params it asks for alone: Certain asks for
# extra, not b, so it has two points, not four that repeat each other (the
# pressure is the whole gap in this fixture: extra, and 1,000 x b). The
# param it does not ask for is left empty, and the Compare sheet's label
# names only the one it asks for.
cat >"$SCRATCH/asks-b.lua" <<'LUA'
scenario "Asks b"
pressure { service = "Children's homes", subjective = "Supplies and Services",
           amount = 1000 * param("b", 1), from = "2010/11", inflate = false }
LUA
expect_status 0 "$MTFP" sweep "$fixture" -s "$fixture/scripts/certain.lua" -s "$SCRATCH/asks-b.lua" \
    --vary extra=0:10000:10000 --vary b=1:2:1 -o "$SCRATCH/own.xlsx" --csv "$SCRATCH/own"
grep ',gap,2011/12,' "$SCRATCH/own/sweep.csv" >"$SCRATCH/own-gaps"
same_file - "$SCRATCH/own-gaps" <<'CSV'
Certain,0,,gap,2011/12,0.00
Certain,10000,,gap,2011/12,10000.00
Asks b,,1,gap,2011/12,1000.00
Asks b,,2,gap,2011/12,2000.00
CSV
pack_has "$SCRATCH/own.xlsx" 'xl/worksheets/sheet*.xml' '>Certain, extra = 10000<' ||
    fail "the Compare sheet does not label Certain's point by extra alone"
pack_has "$SCRATCH/own.xlsx" 'xl/worksheets/sheet*.xml' '>Asks b, b = 2<' ||
    fail "the Compare sheet does not label Asks b's point by b alone"

# The tornado: the param's low and high, as separate runs would give them.
expect_status 0 "$MTFP" sweep "$fixture" -s "$fixture/scripts/certain.lua" -o "$SCRATCH/tornado.xlsx" \
    --csv "$SCRATCH/tornado"
same_file - "$SCRATCH/tornado/tornado.csv" <<'CSV'
scenario,param,side,value,final_year_gap,effect
Certain,extra,low,0,0.00,-5000.00
Certain,extra,high,20000,20000.00,15000.00
CSV
# With no --vary the grid has no points: sweep.csv has its header row alone (a sweep writes
# the same files every time).
same_file - "$SCRATCH/tornado/sweep.csv" <<<"scenario,measure,year,amount"
# Its chart: the params down the side, the largest swing at the top, the
# changes along the bottom in £k (libxlsxwriter's axes of a bar chart are the
# other way round from a column chart's: the categories' axis is the one reversed, not the
# values').
tornado_chart=$(unzip -p "$SCRATCH/tornado.xlsx" 'xl/charts/chart*.xml' | grep -o '<c:barDir val="bar"/>.*')
grep -q '<c:catAx><c:axId val="[0-9]*"/><c:scaling><c:orientation val="maxMin"/>' <<<"$tornado_chart" ||
    fail "the tornado's params are not in reverse order (the largest swing at the top)"
grep -q '<c:valAx><c:axId val="[0-9]*"/><c:scaling><c:orientation val="minMax"/>.\{0,100\}<c:numFmt formatCode="#,##0,&quot;k&quot;' <<<"$tornado_chart" ||
    fail "the tornado's values are not in order left to right and in £k"

# Progress on stderr when it is a terminal (script(1) gives it one), none
# when it is not.
expect_status 0 "$MTFP" simulate "$fixture" -s "$normal" --runs 2000 -o "$SCRATCH/quiet.xlsx"
[ ! -s "$SCRATCH/err" ] || fail "simulate wrote to stderr when it was not a terminal: $(cat "$SCRATCH/err")"
if command -v script >/dev/null; then
    script -qec "$MTFP simulate $fixture -s $normal --runs 2000 -o $SCRATCH/tty.xlsx" /dev/null \
        >"$SCRATCH/tty" 2>&1 || fail "simulate on a terminal failed: $(cat "$SCRATCH/tty")"
    grep -q "simulate runs: 2000 of 2000 (100%)" "$SCRATCH/tty" ||
        fail "no progress on a terminal: $(cat "$SCRATCH/tty")"
fi

# Bad usage (exit 2) and bad input (exit 1): a message, and the earlier pack untouched.
echo "earlier pack" >"$SCRATCH/earlier.xlsx"
check_error() { # STATUS EXPECTED_TEXT ARGS...
    local status=$1 text=$2
    shift 2
    expect_status "$status" "$MTFP" "$@" -o "$SCRATCH/earlier.xlsx" || return 0
    grep -qF -- "$text" "$SCRATCH/err" || fail "$*: stderr lacks \"$text\": $(cat "$SCRATCH/err")"
}
check_error 2 "no scenario of model.lua's uses uncertain.* values or has a priced risk: give the scenario to simulate with -s" \
    simulate "$fixture"
check_error 2 '--runs "0": expected a whole number from 2 to 1000000' simulate "$fixture" -s "$normal" --runs 0
check_error 2 '--seed "-1"' simulate "$fixture" -s "$normal" --seed -1
check_error 2 '--threads "0"' simulate "$fixture" -s "$normal" --threads 0
check_error 2 '--threshold "lots"' simulate "$fixture" -s "$normal" --threshold lots
check_error 2 "the Simulation sheet lists at most 1000000 runs in all" \
    simulate "$fixture" -s "$normal" -s "$fixture/scripts/fails-sometimes.lua" --runs 600000
check_error 1 "normal.lua: the script is given twice (in model.lua's scenarios and with -s?)" \
    simulate "$fixture" -s "$normal" -s "$normal"
check_error 1 "certain.lua: nothing to simulate: the script uses no uncertain.* values" \
    simulate "$fixture" -s "$fixture/scripts/certain.lua"
# The run named is the first that fails, whatever the threads.
for threads in 1 2; do
    check_error 1 "fails-sometimes.lua:6: a share above 0.99 cannot be delivered (simulation run " \
        simulate "$fixture" -s "$fixture/scripts/fails-sometimes.lua" --runs 1000 --threads $threads
    grep -o "simulation run [0-9]*" "$SCRATCH/err" >"$SCRATCH/failed-$threads" || true
done
same_file "$SCRATCH/failed-1" "$SCRATCH/failed-2"
check_error 2 '--vary "extra": expected NAME=FROM:TO:STEP' sweep "$fixture" -s "$fixture/scripts/certain.lua" --vary extra
check_error 2 "expected FROM <= TO and a STEP above 0" sweep "$fixture" -s "$fixture/scripts/certain.lua" --vary extra=5:1:1
check_error 2 'no scenario script asks for param("growth", ...)' sweep "$fixture" -s "$fixture/scripts/certain.lua" --vary growth=0:1:1
check_error 2 'no scenario script asks for param("extr", ...) (did you mean "extra"?)' \
    sweep "$fixture" -s "$fixture/scripts/certain.lua" --vary extr=0:1:1
# The same param twice (names match as param() matches them) would label points by the first
# range and give them the second's values.
check_error 2 '--vary Extra_Placements=1:3:1: param "Extra_Placements" is varied twice' \
    sweep "$example" --vary extra_placements=0:2:1 --vary Extra_Placements=1:3:1
# A param named as one of sweep.csv's own columns would make a second (pandas reads it as year.1).
check_error 2 '--vary "Year=1:2:1": sweep.csv has a column "year" of its own' \
    sweep "$fixture" -s "$fixture/scripts/certain.lua" --vary Year=1:2:1
check_error 2 "at most two parameters" sweep "$example" --vary a=0:1:1 --vary b=0:1:1 --vary c=0:1:1
check_error 2 "nothing to sweep" sweep "$fixture"
check_error 2 "more than 10000 values; at most 10000" sweep "$fixture" -s "$fixture/scripts/certain.lua" --vary extra=0:100000:1
[ "$(cat "$SCRATCH/earlier.xlsx")" = "earlier pack" ] || fail "a failed command changed the earlier pack"
# One run has no spread: its standard deviation is undefined (a spreadsheet's STDEV of one
# value is #DIV/0!), where the pack cached 0.00. --runs is at least 2.
expect_status 2 "$MTFP" simulate "$fixture" -s "$normal" --runs 1 -o "$SCRATCH/one.xlsx" &&
    grep -q -- '--runs' "$SCRATCH/err" || fail "--runs 1: $(cat "$SCRATCH/err")"
[ ! -e "$SCRATCH/one.xlsx" ] || fail "--runs 1 wrote a pack"
# One pack for the run, its simulation and its sweep: mtfp run --runs simulates every scenario
# that draws uncertain values (the -s script here; model.lua's draw none) and --vary sweeps, to
# the same figures as simulate and sweep give apart.
uncertain=$SOURCE/scripts/placement-uncertainty.lua
expect_status 0 "$MTFP" run "$example" -s "$uncertain" --runs 60 --seed 7 \
    --vary extra_placements=0:6:1 -o "$SCRATCH/one-pack.xlsx" --csv "$SCRATCH/one-pack" ||
    fail "run --runs --vary"
expect_status 0 "$MTFP" simulate "$example" -s "$uncertain" --runs 60 --seed 7 \
    -o "$SCRATCH/apart-simulate.xlsx" --csv "$SCRATCH/apart-simulate"
expect_status 0 "$MTFP" sweep "$example" -s "$uncertain" --vary extra_placements=0:6:1 \
    -o "$SCRATCH/apart-sweep.xlsx" --csv "$SCRATCH/apart-sweep"
for table in simulation simulation-runs; do
    same_file "$SCRATCH/apart-simulate/$table.csv" "$SCRATCH/one-pack/$table.csv"
done
for table in sweep tornado tornado-by-year summary; do
    same_file "$SCRATCH/apart-sweep/$table.csv" "$SCRATCH/one-pack/$table.csv"
done
for sheet in '"Simulation"' '"Sweep"' '"Assumptions"'; do
    pack_has "$SCRATCH/one-pack.xlsx" xl/workbook.xml "$sheet" || fail "run --runs --vary has no $sheet sheet"
done
# The tornado by year, worked by hand: extra_placements at its low (1, not 3) is two fewer
# placements of £150,000 from October 2006, contracts at 3%: 2 x 75,000 x 1.03 = 154,500.00
# less in 2006/07, 2 x 150,000 x 1.03^2 = 318,270.00 in 2007/08, 2 x 150,000 x 1.03^3 =
# 327,818.10 in 2008/09, and 800,588.10 over the plan.
scenario="Placement pressure: three more external residential placements"
has_rows "$SCRATCH/one-pack/tornado-by-year.csv" \
    "$scenario,extra_placements,low,1,2006/07,385683.15,-154500.00" \
    "$scenario,extra_placements,low,1,2007/08,-2383432.29,-318270.00" \
    "$scenario,extra_placements,low,1,2008/09,-9073195.03,-327818.10" \
    "$scenario,extra_placements,low,1,2006/07 to 2008/09,-11070944.17,-800588.10"
# Without --runs, --seed and --threshold would change nothing.
expect_status 2 "$MTFP" run "$example" --seed 3 -o "$SCRATCH/seed.xlsx" &&
    grep -qF -- "--seed and --threshold are for a simulation: give --runs N too" "$SCRATCH/err" ||
    fail "run --seed without --runs: $(cat "$SCRATCH/err")"
# run --runs with no scenario that draws uncertain values has nothing to simulate.
expect_status 2 "$MTFP" run "$example" --runs 10 -o "$SCRATCH/none.xlsx" &&
    grep -qF "mtfp run --runs: no scenario uses uncertain.* values" "$SCRATCH/err" ||
    fail "run --runs with nothing to draw: $(cat "$SCRATCH/err")"
# The Assumptions sheet lists every uncertain value: the call, the line that asked, the mean the
# pack uses and the distribution in words. The choice's mean is 0.03 x 0.5 + 0.02 x 0.3 + 0.01 x
# 0.2 = 0.023; the triangular's (130000 + 150000 + 200000) / 3 = 160000.
python3 - "$SCRATCH/one-pack.xlsx" "$uncertain" <<'PY' || fail "the Assumptions sheet's uncertain values"
import sys, zipfile
sys.path.insert(0, sys.argv[2].rsplit("/scripts/", 1)[0] + "/tests/e2e")
from pack_xml import sheet_parts, cells
rows = {}
for (r, c), (_, v) in cells(sheet_parts(zipfile.ZipFile(sys.argv[1]))["Assumptions"]).items():
    rows.setdefault(r, {})[c] = v
table = [tuple(row.get(c, "") for c in (1, 2, 4, 8)) for row in rows.values()]
script = sys.argv[2]
for want in [
    ("uncertain.poisson(3)", f"{script}:14", "3", "Poisson: a whole number, mean 3"),
    ("uncertain.triangular(130000, 150000, 200000)", f"{script}:15", "160000",
     "triangular: from 130000 to 200000, most likely 150000"),
    ("uncertain.normal(0.0295, 0.005)", f"{script}:24", "0.0295",
     "normal: mean 0.0295, standard deviation 0.005"),
    ("uncertain.choice({ 0.03, 0.02, 0.01 }, { 0.5, 0.3, 0.2 })", f"{script}:29", "0.023",
     "choice: 0.03 (50%), 0.02 (30%), 0.01 (20%)"),
]:
    assert want in table, (want, [t for t in table if t[0].startswith("uncertain")])
PY
finish
