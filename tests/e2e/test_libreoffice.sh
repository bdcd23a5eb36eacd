# Proof by recalculation: LibreOffice opens the pack, recalculates every
# formula, and each sheet's figures equal the engine's summary.csv and
# revenue.csv to the penny; opened again without recalculating, the cached
# values are the same figures. LibreOffice recalculates an xlsx on load only
# when its profile says so (OOXMLRecalcMode 0 "always", 1 "never").
source "$(dirname "$0")/lib.sh"
command -v soffice >/dev/null || { fail "soffice is not installed (make test installs libreoffice-calc-nogui)"; finish; }

profile() { # DIR MODE
    mkdir -p "$1/user"
    cat >"$1/user/registrymodifications.xcu" <<XCU
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>$2</value></prop></item>
</oor:items>
XCU
}
profile "$SCRATCH/recalc" 0
profile "$SCRATCH/cached" 1

# Every sheet to CSV: the profile of MODE decides whether LibreOffice
# recalculates.
sheets() { # PACK MODE OUTDIR
    HOME=$SCRATCH timeout 180 soffice -env:UserInstallation="file://$SCRATCH/$2" --headless \
        --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
        --outdir "$3" "$1" >"$3.log" 2>&1 || true
}

check_recalculation LibreOffice sheets
finish
