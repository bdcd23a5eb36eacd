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

# same_file EXPECTED ACTUAL: byte-for-byte, with a diff when they differ.
same_file() {
    if ! cmp -s "$1" "$2"; then
        fail "$2 differs from $1:"
        diff -u "$1" "$2" | head -40 >&2 || true
    fi
}

finish() {
    if [ "$FAILURES" -gt 0 ]; then
        echo "$FAILURES failure(s)" >&2
        exit 1
    fi
    echo "ok"
}
