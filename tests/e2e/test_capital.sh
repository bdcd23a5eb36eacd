# The capital fixture against figures worked by hand (tests/fixtures/capital/README.md).
source "$(dirname "$0")/lib.sh"
fixture=$SOURCE/tests/fixtures/capital
if expect_status 0 "$MTFP" run "$fixture" -o "$SCRATCH/pack.xlsx" --csv "$SCRATCH/csv"; then
    for table in summary revenue capital; do
        same_file "$fixture/expected/$table.csv" "$SCRATCH/csv/$table.csv"
    done
    unzip -p "$SCRATCH/pack.xlsx" xl/workbook.xml | grep -q '<sheet name="Capital"' ||
        fail "the pack has no Capital sheet"
fi
# A model without capital.csv has no Capital sheet and no capital.csv.
expect_status 0 "$MTFP" run "$SOURCE/tests/fixtures/small" -o "$SCRATCH/small.xlsx" --csv "$SCRATCH/small"
[ ! -e "$SCRATCH/small/capital.csv" ] || fail "capital.csv written for a model without capital"
unzip -p "$SCRATCH/small.xlsx" xl/workbook.xml | grep -q '"Capital"' && fail "a Capital sheet without capital"
finish
