# One look across the pack: every cell that has a value carries one of the
# pack's formats (Arial 10, with a number format for figures), so no table
# mixes in libxlsxwriter's default (Calibri 11, General). Until 2026-12-02 the
# posts list, the establishment's FTE and headcount, the placements' numbers,
# the savings tracker's ids and titles, the params' values and the Simulation
# sheet's run numbers did.
source "$(dirname "$0")/lib.sh"

# Each pack: a name and the command that makes it, between them every sheet.
packs=(
    "example run $SOURCE/models/example -s $SOURCE/scripts/placement-pressure.lua"
    "herefordshire run $SOURCE/models/herefordshire"
    "placements run $SOURCE/tests/fixtures/placements"
    "savings run $SOURCE/tests/fixtures/savings"
    "staffing run $SOURCE/tests/fixtures/staffing"
    "pools run $SOURCE/tests/fixtures/pools"
    "capital run $SOURCE/tests/fixtures/capital"
    "simulation simulate $SOURCE/models/example -s $SOURCE/scripts/placement-uncertainty.lua --runs 20"
    "sweep sweep $SOURCE/models/example --vary extra_placements=0:2:1"
)
for pack in "${packs[@]}"; do
    read -r name command args <<<"$pack"
    # shellcheck disable=SC2086 # the arguments are words
    expect_status 0 "$MTFP" "$command" $args -o "$SCRATCH/$name.xlsx" || continue
    for part in $(unzip -Z1 "$SCRATCH/$name.xlsx" 'xl/worksheets/sheet*.xml'); do
        # A cell's opening tag without s="N": written with no format.
        bare=$(unzip -p "$SCRATCH/$name.xlsx" "$part" | grep -o '<c r="[A-Z]*[0-9]*"[^>]*>' |
            grep -v ' s="' | head -3 | tr '\n' ' ' || true)
        [ -z "$bare" ] || fail "$name: $part has cells with no format: $bare"
    done
done
unzip -p "$SCRATCH/staffing.xlsx" xl/styles.xml | grep -q 'formatCode="#,##0.00"' ||
    fail "staffing: no FTE format (#,##0.00) in the pack's styles"
finish
