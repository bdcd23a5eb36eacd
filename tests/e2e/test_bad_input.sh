# The bad-input corpus: each tests/fixtures/bad/CASE is a model with one fault
# and an `expected` file (line 1 the exit status, line 2 the start of the
# first line of stderr). A case with more faults lists the start of every
# error line (lines 2 on), and stderr must have those and no others. A failed
# run must write nothing and leave an earlier pack untouched.
source "$(dirname "$0")/lib.sh"
cases=0
for dir in "$SOURCE"/tests/fixtures/bad/*/; do
    name=$(basename "$dir")
    want_status=$(sed -n 1p "$dir/expected")
    want_prefix=$(sed -n 2p "$dir/expected")
    out=$SCRATCH/$name
    mkdir -p "$out"
    printf 'an earlier pack' >"$out/pack.xlsx"
    got=0
    (cd "$SOURCE" && "$MTFP" run "tests/fixtures/bad/$name" -o "$out/pack.xlsx" --csv "$out/csv") \
        >"$out/stdout" 2>"$out/stderr" || got=$?
    cases=$((cases + 1))
    [ "$got" = "$want_status" ] || fail "$name: exit status $got, expected $want_status"
    first=$(grep -v ': warning: ' "$out/stderr" | head -1 || true) # none when the run succeeded
    case "$first" in
    "$want_prefix"*) ;;
    *) fail "$name: stderr starts \"$first\", expected \"$want_prefix\"" ;;
    esac
    want_lines=$(($(wc -l <"$dir/expected") - 1))
    if [ "$want_lines" -gt 1 ]; then
        grep -v ': warning: ' "$out/stderr" >"$out/errors" || true
        [ "$(wc -l <"$out/errors")" = "$want_lines" ] ||
            fail "$name: $(wc -l <"$out/errors") error lines, expected $want_lines"
        n=1
        while IFS= read -r got_line; do
            n=$((n + 1))
            want_line=$(sed -n "${n}p" "$dir/expected")
            case "$got_line" in
            "$want_line"*) ;;
            *) fail "$name: error line $((n - 1)) is \"$got_line\", expected \"$want_line\"" ;;
            esac
        done <"$out/errors"
        rm "$out/errors"
    fi
    [ "$(cat "$out/pack.xlsx")" = "an earlier pack" ] || fail "$name: the earlier pack was changed"
    [ "$(ls -A "$out")" = "$(printf 'pack.xlsx\nstderr\nstdout')" ] ||
        fail "$name: files appeared: $(ls -A "$out" | tr '\n' ' ')"
done
[ ! -e /tmp/mtfp-escaped ] || fail "a script ran a command"
[ "$cases" -ge 60 ] || fail "only $cases bad-input cases"
finish
