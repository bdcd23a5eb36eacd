# `make install` (cmake --install): every file in its place under DESTDIR, and the installed mtfp,
# run with no arguments from a directory without models/example, projects the installed example
# (share/mtfp/models/example and the scripts its model.lua names by ../../scripts/) and prints the
# headline the build's mtfp prints for models/example. Installed under another prefix than the
# build's, as a staged or relocated install is: it finds its share directory beside itself.
source "$(dirname "$0")/lib.sh"
BUILD=$(dirname "$MTFP")
[ -f "$BUILD/cmake_install.cmake" ] || {
    fail "no cmake_install.cmake beside $MTFP"
    finish
}
stage=$SCRATCH/stage
prefix=$stage/opt/mtfp
DESTDIR=$stage cmake --install "$BUILD" --prefix /opt/mtfp >"$SCRATCH/install.log" ||
    fail "cmake --install failed: $(tail -3 "$SCRATCH/install.log")"

for file in bin/mtfp share/mtfp/lua/mtfp.lua share/doc/mtfp/README.md share/doc/mtfp/CHANGELOG.md \
    share/doc/mtfp/LICENSE share/doc/mtfp/docs/model-format.md share/doc/mtfp/docs/lua-api.md \
    share/man/man1/mtfp.1.gz share/bash-completion/completions/mtfp; do
    [ -f "$prefix/$file" ] || fail "not installed: $file"
done
[ -x "$prefix/bin/mtfp" ] || fail "bin/mtfp is not executable"
cmp -s "$SOURCE/scripts/mtfp.lua" "$prefix/share/mtfp/lua/mtfp.lua" || fail "share/mtfp/lua/mtfp.lua differs"
# Every model and scenario script, the annotation file apart (share/mtfp/lua).
(cd "$SOURCE" && find models scripts -type f ! -path scripts/mtfp.lua | sort) >"$SCRATCH/source-files"
(cd "$prefix/share/mtfp" && find models scripts -type f | sort) >"$SCRATCH/installed-files"
same_file "$SCRATCH/source-files" "$SCRATCH/installed-files"
# Nothing outside the prefix.
[ "$(ls -A "$stage")" = opt ] || fail "installed outside the prefix: $(ls -A "$stage")"

# The changelog's newest version is the one mtfp was built as (CMakeLists.txt's project()).
newest=$(grep -oE '^## \[[0-9]+\.[0-9]+\.[0-9]+\]' "$SOURCE/CHANGELOG.md" | head -1 | tr -d '#[] ')
[ "mtfp $newest" = "$("$MTFP" --version | head -1)" ] ||
    fail "CHANGELOG.md's newest version is $newest; mtfp --version: $("$MTFP" --version | head -1)"

# The build's mtfp on the source's example, as `make run` runs it.
mkdir -p "$SCRATCH/source-run"
ln -s "$SOURCE/models" "$SCRATCH/source-run/models"
ln -s "$SOURCE/scripts" "$SCRATCH/source-run/scripts"
(cd "$SCRATCH/source-run" && "$MTFP" run --csv csv >"$SCRATCH/headline-build") ||
    fail "the build's mtfp run failed"
# The installed mtfp, with no arguments and with run, from an empty directory.
mkdir -p "$SCRATCH/elsewhere"
(cd "$SCRATCH/elsewhere" && "$prefix/bin/mtfp" >"$SCRATCH/headline-installed") ||
    fail "the installed mtfp with no arguments failed"
same_file "$SCRATCH/headline-build" "$SCRATCH/headline-installed"
[ -f "$SCRATCH/elsewhere/output/cabinet-pack.xlsx" ] || fail "the installed mtfp wrote no ./output/cabinet-pack.xlsx"
(cd "$SCRATCH/elsewhere" && "$prefix/bin/mtfp" run --csv csv >/dev/null) || fail "the installed mtfp run failed"
same_file "$SCRATCH/source-run/csv/summary.csv" "$SCRATCH/elsewhere/csv/summary.csv"
# mtfp check names the model it found.
(cd "$SCRATCH/elsewhere" && "$prefix/bin/mtfp" check >"$SCRATCH/check") || fail "the installed mtfp check failed"
grep -qF "$(cd "$prefix" && pwd -P)/share/mtfp/models/example: " "$SCRATCH/check" || fail "mtfp check: $(cat "$SCRATCH/check")"
finish
