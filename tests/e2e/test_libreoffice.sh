# The pack opens in LibreOffice and, recalculated there, every formula gives
# the value mtfp cached. LibreOffice recalculates an xlsx on load only when its
# profile says so (OOXMLRecalcMode 0, "always"): a throwaway profile does.
source "$(dirname "$0")/lib.sh"
command -v soffice >/dev/null || { fail "soffice is not installed (make test installs libreoffice-calc-nogui)"; finish; }
profile=$SCRATCH/profile
mkdir -p "$profile/user"
cat >"$profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU
expect_status 0 "$MTFP" run "$SOURCE/tests/fixtures/small" -o "$SCRATCH/pack.xlsx" --csv "$SCRATCH/csv"
# Sheet 2 is the Summary. soffice may exit 0 when it fails: check the file.
HOME=$SCRATCH timeout 120 soffice -env:UserInstallation="file://$profile" --headless \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2' \
    --outdir "$SCRATCH/lo" "$SCRATCH/pack.xlsx" >"$SCRATCH/soffice.log" 2>&1 || true
summary=$(ls "$SCRATCH"/lo/pack*Summary*.csv 2>/dev/null | head -1)
if [ -z "$summary" ]; then
    fail "LibreOffice did not convert the pack: $(cat "$SCRATCH/soffice.log")"
    finish
fi
# The recalculated Summary: the scenario's NBR and gaps as mtfp computed them.
for figure in 3183351.41 3546029.69 3687479.28 487479.28 1016860.38; do
    grep -q "$figure" "$summary" || fail "recalculated Summary lacks $figure"
done
# Every check row (NBR less the Revenue sheet's total) recalculates to zero.
checks=$(grep -c '^"\?Check' "$summary" || true)
[ "$checks" -ge 2 ] || fail "no check rows in the Summary"
nonzero=$(grep '^"\?Check' "$summary" | tr ',' '\n' | grep -Ev '^"?Check|^0(\.00)?$|^-$|^ *-? *$|^$' || true)
[ -z "$nonzero" ] || fail "check rows are not zero after recalculation: $nonzero"
finish
