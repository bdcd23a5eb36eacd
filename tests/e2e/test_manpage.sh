# The manual page mtfp(1) renders with man -l, without warnings, and agrees with mtfp --help:
# the same options, commands and exit statuses, each way, and the version --version prints.
source "$(dirname "$0")/lib.sh"
BUILD=$(dirname "$MTFP")
page=$BUILD/mtfp.1.gz # as installed
[ -f "$page" ] || {
    fail "no manual page $page (the build's mtfp_manpage target makes it from docs/mtfp.1.in)"
    finish
}
command -v man >/dev/null || {
    fail "man is missing: install man-db (make test does)"
    finish
}
# In the C locale man renders ASCII, and piped it leaves out bold and underlining.
LC_ALL=C MANWIDTH=100 man --warnings -l "$page" >"$SCRATCH/page" 2>"$SCRATCH/warnings" ||
    fail "man -l $page failed: $(head -3 "$SCRATCH/warnings")"
[ ! -s "$SCRATCH/warnings" ] || fail "man -l $page warns: $(head -3 "$SCRATCH/warnings")"
"$MTFP" --help >"$SCRATCH/help" || fail "mtfp --help failed"

for section in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS "EXIT STATUS" FILES; do
    grep -qx "$section" "$SCRATCH/page" || fail "the page has no $section section"
done
# section NAME: the page's lines from the heading NAME to the next heading.
section() {
    awk -v name="$1" '/^[A-Z]/ { inside = ($0 == name); next } inside' "$SCRATCH/page"
}

# Options: every -x and --word that starts a word, anywhere in the help and the page.
options() {
    grep -oE '(^|[[:space:]([|,])--?[a-z][a-z-]*' "$1" | sed -E 's/^[[:space:]([|,]//' | sort -u
}
options "$SCRATCH/help" >"$SCRATCH/help-options"
options "$SCRATCH/page" >"$SCRATCH/page-options"
[ "$(wc -l <"$SCRATCH/help-options")" -ge 13 ] ||
    fail "found only $(wc -l <"$SCRATCH/help-options") options in --help: $(tr '\n' ' ' <"$SCRATCH/help-options")"
comm -23 "$SCRATCH/help-options" "$SCRATCH/page-options" | while read -r option; do
    echo "FAIL: $option is in --help but not in the manual page" >&2
    echo "$option"
done >"$SCRATCH/missing-in-page"
comm -13 "$SCRATCH/help-options" "$SCRATCH/page-options" | while read -r option; do
    echo "FAIL: $option is in the manual page but not in --help" >&2
    echo "$option"
done >"$SCRATCH/missing-in-help"
[ ! -s "$SCRATCH/missing-in-page" ] || fail "options missing from the page"
[ ! -s "$SCRATCH/missing-in-help" ] || fail "options missing from --help"
# And every option of the help's Options list has an entry of its own under OPTIONS.
sed -n '/^Options:/,/^$/p' "$SCRATCH/help" | grep -oE '^  --?[a-z][a-z-]*' | sed 's/^  //' |
    while read -r option; do
        section OPTIONS | grep -qE "^ {7}([^ ].*, )?$option( |,|$)" ||
            fail "OPTIONS has no entry for $option"
    done

# Commands: the help's Commands list and the page's COMMANDS entries.
sed -n '/^Commands:/,/^$/p' "$SCRATCH/help" | grep -oE '^  [a-z]+' | sed 's/^  //' | sort >"$SCRATCH/help-commands"
section COMMANDS | grep -oE '^ {7}[a-z]+' | sed 's/^ *//' | sort >"$SCRATCH/page-commands"
[ "$(tr '\n' ' ' <"$SCRATCH/help-commands")" = "check run simulate sweep " ] ||
    fail "--help lists the commands $(tr '\n' ' ' <"$SCRATCH/help-commands")"
same_file "$SCRATCH/help-commands" "$SCRATCH/page-commands"

# Exit statuses: "Exit status: 0 success, 1 ..." in the help, an entry each in the page.
sed -n '/^Exit status:/,/^$/p' "$SCRATCH/help" | grep -oE '(: |, |^)[0-9]+ ' | grep -oE '[0-9]+' |
    sort >"$SCRATCH/help-statuses"
section "EXIT STATUS" | grep -oE '^ {7}[0-9]+ ' | grep -oE '[0-9]+' | sort >"$SCRATCH/page-statuses"
[ "$(tr '\n' ' ' <"$SCRATCH/help-statuses")" = "0 1 2 3 " ] ||
    fail "--help gives the exit statuses $(tr '\n' ' ' <"$SCRATCH/help-statuses")"
same_file "$SCRATCH/help-statuses" "$SCRATCH/page-statuses"

# The version: the page's footer names the version --version prints (both from CMakeLists.txt).
version=$("$MTFP" --version | head -1)
tail -1 "$SCRATCH/page" | grep -qE "^$version " || fail "the page's footer is not $version: $(tail -1 "$SCRATCH/page")"
finish
