# Hostile scenario scripts (tests/escapes/*.lua, each with "-- expect: ..." on
# its first line): each must fail with exit 1 and a message at the script's
# line, write nothing, and touch nothing outside.
source "$(dirname "$0")/lib.sh"
rm -f /tmp/mtfp-escaped-*
cases=0
for script in "$SOURCE"/tests/escapes/*.lua; do
    [ -L "$script" ] && continue # link-out.lua is a target for include-symlink-out.lua
    name=$(basename "$script" .lua)
    want=$(sed -n '1s/^-- expect: //p' "$script")
    out=$SCRATCH/$name
    mkdir -p "$out"
    got=0
    (cd "$SOURCE" && "$MTFP" run tests/fixtures/small -s "tests/escapes/$name.lua" \
        -o "$out/pack.xlsx" --csv "$out/csv") >"$out/stdout" 2>"$out/stderr" || got=$?
    cases=$((cases + 1))
    [ "$got" = 1 ] || fail "$name: exit status $got, expected 1"
    first=$(head -1 "$out/stderr")
    case "$first" in
    "tests/escapes/$name.lua:"*"$want"*) ;;
    *) fail "$name: stderr \"$first\" lacks \"tests/escapes/$name.lua:...$want\"" ;;
    esac
    [ ! -e "$out/pack.xlsx" ] && [ ! -e "$out/csv" ] || fail "$name: output was written"
done
ls /tmp/mtfp-escaped-* >/dev/null 2>&1 && fail "a script escaped: $(ls /tmp/mtfp-escaped-*)"
[ "$cases" -ge 30 ] || fail "only $cases escape cases"
finish
