# Scenarios built from other scenario scripts (scenario { uses = ... }) and the Audit's line
# of an item made through helpers, on tests/fixtures/combined (its README.md works every
# figure by hand), and the conflicts between parts.
source "$(dirname "$0")/lib.sh"
fixture=$SOURCE/tests/fixtures/combined
cd "$SOURCE"
expect_status 0 "$MTFP" run tests/fixtures/combined -o "$SCRATCH/c.xlsx" --csv "$SCRATCH/csv" ||
    fail "the combined fixture does not run"
# Each part alone, and the combined scenario: Base plus the parts' effects.
has_rows "$SCRATCH/csv/summary.csv" \
    "Pay award of 3%,net_budget_requirement,2012/13,3507977.00" \
    "Two more placements,net_budget_requirement,2012/13,3823745.50" \
    "Savings programme,net_budget_requirement,2012/13,3466458.00" \
    "Recommended budget,net_budget_requirement,2010/11,3377500.00" \
    "Recommended budget,net_budget_requirement,2011/12,3686650.00" \
    "Recommended budget,net_budget_requirement,2012/13,3845264.50" \
    "Recommended budget,gap,2012/13,445264.50" \
    "Slips the other way round,net_budget_requirement,2012/13,3476458.00"
# The same scheme slipped twice: the order of uses counts.
has_rows "$SCRATCH/csv/capital.csv" \
    "Recommended budget,Family centre,Early years,spend,2010/11,200000.00" \
    "Recommended budget,Family centre,Early years,spend,2011/12,200000.00" \
    "Recommended budget,Family centre,Early years,spend,2012/13,200000.00" \
    "Slips the other way round,Family centre,Early years,spend,2010/11,200000.00" \
    "Slips the other way round,Family centre,Early years,spend,2011/12,300000.00" \
    "Slips the other way round,Family centre,Early years,spend,2012/13,100000.00"
# The Audit: the saving made two calls deep names the savings script's line, then the
# helper's; in the combined scenario too (a part keeps its own script's line).
audit=$(python3 - "$SCRATCH/c.xlsx" <<'PY'
import sys, zipfile
sys.path.insert(0, "tests/e2e")
from pack_xml import sheet_parts, cells
rows = {}
for (r, c), (_, v) in cells(sheet_parts(zipfile.ZipFile(sys.argv[1]))["Audit"]).items():
    rows.setdefault(r, {})[c] = v
for r in sorted(rows):
    print(" | ".join(rows[r].get(c, "") for c in range(1, 11)))
PY
)
for row in \
    "Savings programme | saving | SAV-FS |  | * | Family Support | Supplies and Services | saving | supplies trimmed by 10% | tests/fixtures/combined/scripts/savings.lua:5 via common.lua:6" \
    "Recommended budget | saving | SAV-FS |  | * | Family Support | Supplies and Services | saving | supplies trimmed by 10% | tests/fixtures/combined/scripts/savings.lua:5 via common.lua:6" \
    "Recommended budget | pressure | PL-2 |  | Council | Placements | Third Party Payments | pressure | two more external placements | tests/fixtures/combined/scripts/placements.lua:3" \
    "Recommended budget | uses |  | uses pay-award.lua (\"Pay award of 3%\") |  |  |  |  |  | tests/fixtures/combined/scripts/recommended.lua:3" \
    "Recommended budget | index |  | pay: 3% |  |  |  |  |  | tests/fixtures/combined/scripts/pay-award.lua:3"; do
    grep -qxF -- "$row" <<<"$audit" || fail "the Audit lacks: $row"
done
# Herefordshire's recommended budget: its parts touch different lines (each slip its own
# scheme, the efficiency a share of the revenue lines alone), so its net budget requirement,
# funding and gap are Base's plus each part's change on Base, to the penny.
expect_status 0 "$MTFP" run models/herefordshire -o "$SCRATCH/h.xlsx" --csv "$SCRATCH/h-csv" ||
    fail "herefordshire does not run"
python3 - "$SCRATCH/h-csv/summary.csv" <<'PY' || fail "herefordshire's recommended budget is not its parts' sum"
import csv, sys
from collections import defaultdict
figure = defaultdict(dict)
for row in csv.DictReader(open(sys.argv[1])):
    figure[row["scenario"]][row["line"], row["year"]] = round(float(row["amount"]) * 100)
parts = ["Primary Strategy for Change: a quarter of 2009/10 slips a year",
         "Building Schools for the Future starts a year late",
         "Three more external residential placements from October 2009",
         "3% efficiency target, only half delivered",
         "TaMHS pilot: two fixed-term posts paid by the grant",
         "Think Family grant and the work it pays for"]
base, combined = figure["Base"], figure["Recommended budget"]
assert combined[("gap", "2011/12")] == 231229764, combined[("gap", "2011/12")]
for key in base:
    want = base[key] + sum(figure[p][key] - base[key] for p in parts)
    assert combined[key] == want, (key, combined[key], want)
PY
# Conflicts between parts are errors naming both lines; a part used twice would count twice.
scripts=$SCRATCH/scripts
mkdir -p "$scripts"
cp "$fixture"/scripts/*.lua "$scripts/"
printf 'scenario "Pay 4%%"\nindex("pay", { 0.03, 0.04 })\n' >"$scripts/pay-4.lua"
printf 'scenario { name = "Both awards", uses = { "pay-award.lua", "pay-4.lua" } }\n' >"$scripts/both.lua"
expect_status 1 "$MTFP" check tests/fixtures/combined -s "$scripts/both.lua" &&
    grep -qxF "$scripts/pay-4.lua:2: index(\"pay\") gives other rates than $scripts/pay-award.lua:3 gave it in this scenario: a scenario sets an index once, whichever of its scripts sets it" \
        "$SCRATCH/err" || fail "two pay awards: $(cat "$SCRATCH/err")"
# The same rates twice agree.
printf 'scenario "Pay 3%% again"\nindex("pay", { 0.03, 0.03, 0.03 })\n' >"$scripts/pay-3.lua"
printf 'scenario { name = "Same award", uses = { "pay-award.lua", "pay-3.lua" } }\n' >"$scripts/same.lua"
expect_status 0 "$MTFP" check tests/fixtures/combined -s "$scripts/same.lua" ||
    fail "the same rates twice: $(cat "$SCRATCH/err")"
printf 'scenario "A"\nlocal n = param("placements", 2)\n' >"$scripts/param-a.lua"
printf 'scenario "B"\n\nlocal n = param("placements", 3)\n' >"$scripts/param-b.lua"
printf 'scenario { name = "Params", uses = { "param-a.lua", "param-b.lua" } }\n' >"$scripts/params.lua"
expect_status 1 "$MTFP" check tests/fixtures/combined -s "$scripts/params.lua" &&
    grep -qxF "$scripts/param-b.lua:3: param \"placements\" is asked for at $scripts/param-a.lua:2 with another default or range: give it the same in both, or two names" \
        "$SCRATCH/err" || fail "a param twice: $(cat "$SCRATCH/err")"
printf 'scenario { name = "Twice", uses = { "placements.lua", "placements.lua" } }\n' >"$scripts/twice.lua"
expect_status 1 "$MTFP" check tests/fixtures/combined -s "$scripts/twice.lua" &&
    grep -qF "twice.lua:1: uses \"placements.lua\": the scenario has this script already" "$SCRATCH/err" ||
    fail "a part used twice: $(cat "$SCRATCH/err")"
printf 'scenario { name = "Loop", uses = { "loop-b.lua" } }\n' >"$scripts/loop-a.lua"
printf 'scenario { name = "Loop B", uses = { "loop-a.lua" } }\n' >"$scripts/loop-b.lua"
expect_status 1 "$MTFP" check tests/fixtures/combined -s "$scripts/loop-a.lua" &&
    grep -qF 'loop-b.lua:1: uses "loop-a.lua": loop-a.lua uses itself (loop-a.lua, loop-b.lua, loop-a.lua)' \
        "$SCRATCH/err" || fail "a loop of uses: $(cat "$SCRATCH/err")"
# Including a scenario script (not using it) says how to combine.
printf 'scenario "All"\ninclude "pay-award.lua"\n' >"$scripts/included.lua"
expect_status 1 "$MTFP" check tests/fixtures/combined -s "$scripts/included.lua" &&
    grep -qF "pay-award.lua:2: scenario is named twice: a scenario built from other scenario scripts names them in scenario { name = ..., uses = { ... } }, not with include" \
        "$SCRATCH/err" || fail "an included scenario: $(cat "$SCRATCH/err")"
finish
