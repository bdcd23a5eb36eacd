# Helpers for the end-to-end tests. Each test is run as
#   bash test_X.sh BINARY SOURCE_DIR SCRATCH_DIR
# and exits non-zero, saying what differed, when it fails.
set -euo pipefail

MTFP=$1
SOURCE=$2
SCRATCH=$3
rm -rf "$SCRATCH"
mkdir -p "$SCRATCH"
FAILURES=0

fail() {
    echo "FAIL: $*" >&2
    FAILURES=$((FAILURES + 1))
}

# expect_status WANT COMMAND...: run COMMAND, capture stdout/stderr in
# $SCRATCH/out and $SCRATCH/err, and check its exit status.
expect_status() {
    local want=$1
    shift
    local got=0
    "$@" >"$SCRATCH/out" 2>"$SCRATCH/err" || got=$?
    if [ "$got" != "$want" ]; then
        fail "$* exited $got, expected $want; stderr: $(head -3 "$SCRATCH/err")"
        return 1
    fi
}

# pack_has PACK PART TEXT: the pack's PART (a glob: 'xl/worksheets/sheet*.xml') holds TEXT.
# The parts are read whole before grep: `unzip -p | grep -q` stops reading at the first match,
# unzip then dies of SIGPIPE, and pipefail counts the match as a failure (a flaky test).
pack_has() {
    local xml
    xml=$(unzip -p "$1" "$2") && grep -qF -- "$3" <<<"$xml"
}

# has_rows FILE ROW...: each ROW is a whole line of FILE (a CSV the run wrote).
has_rows() {
    local file=$1 row
    shift
    for row; do
        grep -qxF -- "$row" "$file" || fail "${file#"$SCRATCH"/} lacks: $row"
    done
}

# same_file EXPECTED ACTUAL: byte-for-byte, with a diff when they differ.
same_file() {
    if ! cmp -s "$1" "$2"; then
        fail "$2 differs from $1:"
        diff -u "$1" "$2" | head -40 >&2 || true
    fi
}

# The packs a spreadsheet program recalculates (test_libreoffice.sh,
# test_gnumeric.sh): a name and the command that makes it, with --csv beside
# it for check_pack.py. simulate's Simulation sheet and sweep's Sweep sheet
# are checked against their CSV too.
RECALCULATED_PACKS=(
    "example run $SOURCE/models/example"
    "herefordshire run $SOURCE/models/herefordshire"
    "halton run $SOURCE/models/halton"
    "walsall run $SOURCE/models/walsall"
    "wfledger run $SOURCE/models/waltham-forest-ledger"
    "placements run $SOURCE/tests/fixtures/placements"
    "savings run $SOURCE/tests/fixtures/savings -s $SOURCE/tests/fixtures/savings/scripts/percent-amber.lua"
    "staffing run $SOURCE/tests/fixtures/staffing -s $SOURCE/tests/fixtures/staffing/scripts/agency-ends.lua -s $SOURCE/tests/fixtures/staffing/scripts/regrade.lua"
    "capitalapi run $SOURCE/tests/fixtures/capital -s $SOURCE/tests/fixtures/capital-api/add.lua -s $SOURCE/tests/fixtures/capital-api/fund.lua -s $SOURCE/tests/fixtures/capital-api/reprofile.lua"
    "small run $SOURCE/tests/fixtures/small"
    "capital run $SOURCE/tests/fixtures/capital"
    "pools run $SOURCE/tests/fixtures/pools"
    "ledger run $SOURCE/tests/fixtures/ledger"
    "monitoring run $SOURCE/tests/fixtures/monitoring"
    "risks run $SOURCE/tests/fixtures/risks"
    "risksimulation simulate $SOURCE/tests/fixtures/risks -s $SOURCE/tests/fixtures/risks/scripts/drawn.lua --runs 300 --threshold 300000"
    "simulation simulate $SOURCE/models/example -s $SOURCE/scripts/placement-uncertainty.lua --runs 400 --threshold -9000000"
    "sweep sweep $SOURCE/models/example --vary extra_placements=0:6:1 --vary placement_cost=150000:200000:25000"
)

# check_recalculation PROGRAM CONVERT: make each of RECALCULATED_PACKS; have
# "CONVERT PACK MODE OUTDIR" export every sheet to OUTDIR/NAME-SHEET.csv
# (raw values, UTF-8), as PROGRAM recalculates it (MODE recalc) or as the
# pack caches it (MODE cached), its messages in OUTDIR.log; compare every
# figure with the engine's CSV (check_pack.py), and every cell of every sheet
# recalculated with the same cell cached (same_sheets.py). The two exports must not be
# the same file read twice: a program's own arithmetic leaves binary
# fractions (-8658.33999999985) where the cached values read -8658.34.
check_recalculation() {
    local program=$1 convert=$2 pack name command args mode
    for pack in "${RECALCULATED_PACKS[@]}"; do
        read -r name command args <<<"$pack"
        # shellcheck disable=SC2086 # the arguments are words
        expect_status 0 "$MTFP" "$command" $args -o "$SCRATCH/$name.xlsx" --csv "$SCRATCH/$name-csv" ||
            continue
        for mode in recalc cached; do
            "$convert" "$SCRATCH/$name.xlsx" "$mode" "$SCRATCH/$name-$mode"
            # A converter may exit 0 when it fails: the files are the proof.
            if [ ! -f "$SCRATCH/$name-$mode/$name-Summary.csv" ]; then
                fail "$name: $program did not convert the pack ($mode): $(cat "$SCRATCH/$name-$mode.log")"
                continue
            fi
            python3 "$SOURCE/tests/e2e/check_pack.py" "$SCRATCH/$name-$mode" "$name" "$SCRATCH/$name-csv" ||
                fail "$name: the figures $program shows ($mode) differ from the engine's"
        done
        # And every cell of every sheet, whatever it means: a formula computes its cached value.
        python3 "$SOURCE/tests/e2e/same_sheets.py" "$SCRATCH/$name-recalc" "$SCRATCH/$name-cached" "$name" ||
            fail "$name: $program's recalculated sheets differ from the cached ones"
    done
    ! cmp -s "$SCRATCH/small-recalc/small-Summary.csv" "$SCRATCH/small-cached/small-Summary.csv" ||
        fail "the Summary $program recalculated is identical to the cached one: was it recalculated?"
}

finish() {
    if [ "$FAILURES" -gt 0 ]; then
        echo "$FAILURES failure(s)" >&2
        exit 1
    fi
    echo "ok"
}
