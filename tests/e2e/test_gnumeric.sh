# Proof by recalculation in a second program: SPEC says the pack is readable
# in Excel, LibreOffice and Gnumeric. Gnumeric's ssconvert opens each pack,
# recalculates every formula (--recalc), and each sheet's figures equal the
# engine's CSV to the penny, as test_libreoffice.sh checks for LibreOffice;
# and without --recalc the cached values are the same figures.
source "$(dirname "$0")/lib.sh"
command -v ssconvert >/dev/null || { fail "ssconvert is not installed (make test installs gnumeric)"; finish; }

sheets() { # PACK MODE OUTDIR
    local recalc=()
    [ "$2" = cached ] || recalc=(--recalc)
    mkdir -p "$3"
    HOME=$SCRATCH timeout 180 ssconvert "${recalc[@]}" -S -T Gnumeric_stf:stf_assistant \
        -O "format=raw separator=, quoting-mode=auto" "$1" "$3/$(basename "$1" .xlsx)-%s.csv" \
        >"$3.log" 2>&1 || true
}

check_recalculation Gnumeric sheets
finish
