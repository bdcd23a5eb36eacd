# One look across the pack. Every cell that has a value carries one of the
# pack's formats (Arial 10, with a number format for figures), so no table
# mixes in libxlsxwriter's default (Calibri 11, General), the posts list, the
# establishment's FTE and headcount, the placements' numbers, the savings
# tracker's ids and titles, the params' values and the Simulation sheet's run
# numbers included. And the cells that libxlsxwriter drops without a word
# when they are written above a later row are there: the Audit sheet's title
# and the establishment's category headings (such a cell fails the run:
# "internal error: libxlsxwriter did not write Audit!A1"). And every
# chart draws figures that are in the pack, from labelled rows
# (check_charts.py).
source "$(dirname "$0")/lib.sh"

# A scenario whose name XML and libxlsxwriter treat specially: markup
# characters, a leading "=" (a formula to libxlsxwriter's chart series),
# characters beyond the Basic Multilingual Plane.
cat >"$SCRATCH/names.lua" <<'LUA'
scenario "=1 & <2> \"3\" '4' £5 😀"
pressure { service = "Placements & Resources", subjective = "Third Party Payments", amount = 1000,
           from = "2010-04", reason = "A & B < C > D" }
LUA
# Each pack: a name and the command that makes it, between them every sheet.
packs=(
    "names run $SOURCE/tests/fixtures/small -s $SCRATCH/names.lua"
    "example run $SOURCE/models/example"
    "herefordshire run $SOURCE/models/herefordshire"
    "placements run $SOURCE/tests/fixtures/placements"
    "savings run $SOURCE/tests/fixtures/savings"
    "staffing run $SOURCE/tests/fixtures/staffing"
    "pools run $SOURCE/tests/fixtures/pools"
    "capital run $SOURCE/tests/fixtures/capital"
    "monitoring run $SOURCE/tests/fixtures/monitoring"
    "simulation simulate $SOURCE/models/example -s $SOURCE/scripts/placement-uncertainty.lua --runs 20"
    "risks simulate $SOURCE/tests/fixtures/risks -s $SOURCE/tests/fixtures/risks/scripts/drawn.lua --runs 20"
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
    python3 "$SOURCE/tests/e2e/check_charts.py" "$SCRATCH/$name.xlsx" || fail "$name: its charts"
    # Every part is well-formed XML (a raw control character, or a byte that
    # is not UTF-8, makes a pack Excel cannot open).
    python3 - "$SCRATCH/$name.xlsx" <<'PY' || fail "$name: a part is not well-formed XML"
import sys, zipfile, xml.dom.minidom
pack = zipfile.ZipFile(sys.argv[1])
for part in pack.namelist():
    if part.endswith((".xml", ".rels")):
        try:
            xml.dom.minidom.parseString(pack.read(part))
        except Exception as e:
            sys.exit(f"{part}: {e}")
PY
done
# The awkward name is the gap chart's series name as given, not a reference.
unzip -p "$SCRATCH/names.xlsx" xl/charts/chart1.xml |
    grep -qF "<c:v> =1 &amp; &lt;2&gt; \"3\" '4' £5 😀</c:v>" ||
    fail "names: the gap chart does not name the scenario as given"
for pack in "${packs[@]}"; do
    read -r name _ <<<"$pack"
    [ ! -f "$SCRATCH/$name.xlsx" ] || unzip -p "$SCRATCH/$name.xlsx" 'xl/worksheets/sheet*.xml' |
        grep -q '<t>Audit: every change applied, and its effect by year</t>' ||
        fail "$name: the Audit sheet has no title"
done
# The establishment's heading row: the four categories side by side.
headings=$(unzip -p "$SCRATCH/staffing.xlsx" 'xl/worksheets/sheet*.xml' |
    grep -o '<row [^>]*><c [^>]*><is><t>Managerial</t>.\{0,600\}</row>' | head -1 || true)
for category in Managerial Professional/Technical Administrative/Clerical 'Front Line'; do
    grep -q "<t>$category</t>" <<<"$headings" ||
        fail "staffing: the establishment has no heading for $category"
done
pack_has "$SCRATCH/staffing.xlsx" xl/styles.xml 'formatCode="#,##0.00"' ||
    fail "staffing: no FTE format (#,##0.00) in the pack's styles"
# The Audit's rows are as tall as their most lines (LibreOffice does not work
# it out): the small fixture's pressure, run from the source tree, has
# "tests/fixtures/small/scripts/pressures-and-savings.lua:3" for its script
# line, 56 characters in a column of 19, three lines of 12.75 points.
if (cd "$SOURCE" && expect_status 0 "$MTFP" run tests/fixtures/small -o "$SCRATCH/audit.xlsx"); then
    pack_has "$SCRATCH/audit.xlsx" xl/worksheets/sheet7.xml '<row r="3" ht="38.25" customHeight="1">' ||
        fail "audit: the pressure's row is not three lines high"
fi
# The notes from the scripts wrap as the changes above them do: Walsall's first note names its
# scenario, "Twelve more placements: overspend shared pro rata" (50 characters), in a column of
# 16: "Twelve more" / "placements:" / "overspend shared" / "pro rata", four lines of 12.75
# points. Unwrapped, it would run on into the next column, cut at about 19 characters when
# printed.
if expect_status 0 "$MTFP" run "$SOURCE/models/walsall" -o "$SCRATCH/walsall-notes.xlsx"; then
    audit=$(unzip -p "$SCRATCH/walsall-notes.xlsx" 'xl/worksheets/sheet*.xml')
    grep -q '<row r="[0-9]*" ht="51" customHeight="1"><c r="A[0-9]*" s="[0-9]*" t="inlineStr"><is><t>Twelve more placements: overspend shared pro rata</t></is></c><c r="B[0-9]*" s="[0-9]*" t="inlineStr"><is><t>pool</t></is></c><c r="D[0-9]*" s="[0-9]*" t="inlineStr"><is><t>pool Looked after' \
        <<<"$audit" || fail "walsall: the Audit's first note does not wrap to four lines"
fi
# The Assumptions' param descriptions wrap in a column of their own width (30), where a default
# width cut them at the page's edge: the example's extra_placements, "children placed in external
# residential care from October 2006", takes three lines.
if expect_status 0 "$MTFP" run "$SOURCE/models/example" -o "$SCRATCH/assumptions.xlsx"; then
    sheets=$(unzip -p "$SCRATCH/assumptions.xlsx" 'xl/worksheets/sheet*.xml')
    grep -q '<col min="8" max="8" width="30.7109375" customWidth="1"/></cols>' <<<"$sheets" ||
        fail "example: the Assumptions' Description column is not 30 wide"
    grep -q '<row r="[0-9]*" ht="38.25" customHeight="1"><c r="A[0-9]*" s="[0-9]*" t="inlineStr"><is><t>extra_placements</t>' \
        <<<"$sheets" || fail "example: extra_placements' description does not wrap to three lines"
fi
# The gap chart's legend names every scenario, about two to a line: with nine
# (Base, the fixture's own and seven more, long-named) it has five lines, and
# the chart grows by the three past two, 17 pixels each, from 374 to 425
# pixels, so that the bars keep their height. It starts 4 pixels (38,100 EMU)
# into the row under the nine plans (3 + 9 x 14 = 129) and ends 429 pixels
# lower, 21 rows of 20 pixels and 9 pixels (85,725 EMU), as wide as the plans (A to E: it
# ends at J, past the bridge chart's series, hidden in F to I).
many=()
for i in 1 2 3 4 5 6 7; do
    echo "scenario \"Scenario $i, with a name as long as a council's scenarios have\"" >"$SCRATCH/many$i.lua"
    many+=(-s "$SCRATCH/many$i.lua")
done
if expect_status 0 "$MTFP" run "$SOURCE/tests/fixtures/small" "${many[@]}" -o "$SCRATCH/many.xlsx"; then
    pack_has "$SCRATCH/many.xlsx" xl/drawings/drawing1.xml \
        '<xdr:row>129</xdr:row><xdr:rowOff>38100</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>150</xdr:row><xdr:rowOff>85725</xdr:rowOff>' ||
        fail "many: the gap chart is not 425 pixels high under the nine plans"
fi
finish
