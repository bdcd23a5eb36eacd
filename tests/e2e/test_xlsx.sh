# Excel workbooks as inputs: a workbook made by hand to the OOXML standard
# (tests/fixtures/xlsx/make_xlsx.py: shared and inline strings, rich text,
# formulas with their values, dates, an empty row and a missing one, a
# sheet named in model.lua) and workbooks LibreOffice saves from the CSV
# twin each give the figures of the twin, to the byte of every CSV the run
# writes. The bad workbooks are in tests/fixtures/bad/xlsx-*.
source "$(dirname "$0")/lib.sh"
command -v soffice >/dev/null || { fail "soffice is not installed (make test installs libreoffice-calc-nogui)"; finish; }
fixture=$SOURCE/tests/fixtures/xlsx
tables="summary revenue savings"

run_model() { # DIR NAME: run it, its CSV into $SCRATCH/NAME
    expect_status 0 "$MTFP" run "$1" -o "$SCRATCH/$2.xlsx" --csv "$SCRATCH/$2"
}

same_tables() { # NAME: its CSV is the twin's
    local table
    for table in $tables; do
        same_file "$SCRATCH/twin/$table.csv" "$SCRATCH/$1/$table.csv"
    done
}

run_model "$fixture/twin" twin || fail "the CSV twin does not run: $(cat "$SCRATCH/err")"
# S1 from the dates 1 October 2010 to 31 March 2012: 100 x 1.025 x 6/12 = 51.25 in 2010/11,
# 100 x 1.025^2 = 105.0625 -> 105.06 in 2011/12, nothing in 2012/13.
has_rows "$SCRATCH/twin/savings.csv" "Base,S1,Supplies review,cashable,green,planned,2010/11,-51.25" \
    "Base,S1,Supplies review,cashable,green,planned,2011/12,-105.06" \
    "Base,S1,Supplies review,cashable,green,planned,2012/13,0.00"

# The workbook made by hand, its sheets named in model.lua's inputs.
if run_model "$fixture" by-hand; then
    same_tables by-hand
    sha=$(sha256sum "$fixture/budget.xlsx" | cut -d' ' -f1)
    cover=$(unzip -p "$SCRATCH/by-hand.xlsx" xl/worksheets/sheet1.xml)
    grep -q "xlsx/budget.xlsx!Revenue</t></is></c><c [^>]*><is><t>$sha<" <<<"$cover" ||
        fail "the Cover does not list budget.xlsx!Revenue with the workbook's SHA-256"
fi

# make_xlsx.py writes the same workbooks again: they read as the committed ones do (the script
# is what made them), the fixture's figures and each bad case's message.
regen=$SCRATCH/regen
python3 "$fixture/make_xlsx.py" "$regen" || fail "make_xlsx.py failed"
cp "$fixture/model.lua" "$regen/tests/fixtures/xlsx/"
mkdir -p "$regen/tests/fixtures/small"
cp -r "$SOURCE/tests/fixtures/small/scripts" "$regen/tests/fixtures/small/"
run_model "$regen/tests/fixtures/xlsx" regenerated && same_tables regenerated
for case in "$regen"/tests/fixtures/bad/xlsx-*/; do
    name=$(basename "$case")
    cp -n "$SOURCE/tests/fixtures/bad/$name"/* "$case"
    got=$(cd "$regen" && "$MTFP" check "tests/fixtures/bad/$name" 2>&1 | head -1) || true
    want=$(sed -n 2p "$case/expected")
    [[ "$got" == "$want"* ]] || fail "$name written again: \"$got\", expected \"$want\""
done

# LibreOffice opens the workbook made by hand: its Revenue sheet, exported as CSV, has the values
# mtfp read (the formula's 2,000,000, the number 333.32999999999998 as 333.33; the spaces round
# " Council ", which mtfp trims as it trims a CSV field's).
HOME=$SCRATCH timeout 180 soffice -env:UserInstallation="file://$SCRATCH/profile" --headless \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
    --outdir "$SCRATCH/by-hand-sheets" "$fixture/budget.xlsx" >"$SCRATCH/soffice.log" 2>&1 || true
has_rows "$SCRATCH/by-hand-sheets/budget-Revenue.csv" \
    " Council ,Placements & Resources,PR1,Third Party Payments,2000000,," \
    "Council,Assessment,AS1,Supplies and Services,333.33,,TRUE"

# Workbooks a spreadsheet program saved: LibreOffice converts each CSV of the twin to .xlsx
# (found by their standard names, revenue.xlsx and savings.xlsx, as CSV files are).
saved=$SCRATCH/saved-model
mkdir -p "$saved"
sed "s|\"../../small/|\"$SOURCE/tests/fixtures/small/|" "$fixture/twin/model.lua" >"$saved/model.lua"
HOME=$SCRATCH timeout 180 soffice -env:UserInstallation="file://$SCRATCH/profile" --headless \
    --infilter='CSV:44,34,76,1' --convert-to xlsx --outdir "$saved" \
    "$fixture/twin/revenue.csv" "$fixture/twin/savings.csv" >"$SCRATCH/soffice.log" 2>&1 || true
if [ -f "$saved/revenue.xlsx" ] && [ -f "$saved/savings.xlsx" ]; then
    run_model "$saved" saved && same_tables saved
else
    fail "LibreOffice did not convert the twin: $(cat "$SCRATCH/soffice.log")"
fi

# revenue.csv beside revenue.xlsx is an error (tests/fixtures/bad/xlsx-and-csv); a model may
# name one of them: the named one is read.
cp "$fixture/twin/revenue.csv" "$saved/"
expect_status 1 "$MTFP" check "$saved"
grep -qF "mtfp reads revenue.csv or revenue.xlsx, and both are here" "$SCRATCH/err" ||
    fail "revenue.csv beside revenue.xlsx: $(cat "$SCRATCH/err")"
sed -i 's|^  name = "Small council",.*|&\n  inputs = { revenue = "revenue.xlsx" },|' "$saved/model.lua"
run_model "$saved" named && same_tables named
finish
