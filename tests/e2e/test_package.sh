# The Debian package (cpack -G DEB, what `make deb` runs): it declares the libraries mtfp links to,
# carries what make install installs, and unpacked with dpkg -x into a scratch root its mtfp runs
# the example, with no arguments from an empty directory and on a copy of the installed example
# and scripts, printing the headline the build's mtfp prints. Skipped without dpkg-deb.
source "$(dirname "$0")/lib.sh"
BUILD=$(dirname "$MTFP")
if ! command -v dpkg-deb >/dev/null; then
    echo "SKIP: dpkg-deb is missing (not a Debian system?): the package cannot be unpacked"
    exit 77
fi
[ -f "$BUILD/CPackConfig.cmake" ] || {
    fail "no CPackConfig.cmake beside $MTFP"
    finish
}
cpack --config "$BUILD/CPackConfig.cmake" -G DEB -B "$SCRATCH/package" >"$SCRATCH/cpack.log" 2>&1 ||
    fail "cpack failed: $(tail -5 "$SCRATCH/cpack.log")"
debs=("$SCRATCH"/package/mtfp_*.deb)
[ ${#debs[@]} = 1 ] && [ -f "${debs[0]}" ] || {
    fail "cpack made no mtfp_*.deb: $(tail -5 "$SCRATCH/cpack.log")"
    finish
}
deb=${debs[0]}
echo "$(basename "$deb"): $(stat -c %s "$deb") bytes"

# The control file: the version --version prints, and the libraries mtfp links to.
version=$("$MTFP" --version | head -1)
[ "mtfp $(dpkg-deb -f "$deb" Version)" = "$version" ] ||
    fail "the package's version is $(dpkg-deb -f "$deb" Version), mtfp says $version"
depends=$(dpkg-deb -f "$deb" Depends)
names=$(tr ',' '\n' <<<"$depends" | sed -E 's/^ *([^ ]+).*/\1/' | sort | tr '\n' ' ')
[ "$names" = "libc6 libcsv3 libexpat1 liblua5.4-0 libminizip1 libxlsxwriter4 " ] || fail "the package depends on $depends"
# Each is a package on this machine (the build linked to them), and where dpkg-shlibdeps is
# installed (dpkg-dev), the packages it finds for the binary are the ones declared. A sanitizer
# build (make check-asan) also needs the sanitizers' runtimes and zlib, which a package to ship
# does not: there, each declared package must be found.
for name in $names; do
    dpkg-query -W "$name" >/dev/null 2>&1 || fail "the dependency $name is not an installed package"
done
if command -v dpkg-shlibdeps >/dev/null; then
    mkdir -p "$SCRATCH/shlibs/debian"
    touch "$SCRATCH/shlibs/debian/control"
    found=$(cd "$SCRATCH/shlibs" && dpkg-shlibdeps -O "$MTFP" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
    found_names=$(tr ',' '\n' <<<"$found" | sed -E 's/^ *([^ ]+).*/\1/' | sort | tr '\n' ' ')
    if ldd "$MTFP" | grep -q libasan; then
        for name in $names; do
            grep -qw -- "$name" <<<"$found_names" || fail "dpkg-shlibdeps finds $found, not $name"
        done
    else
        [ "$found_names" = "$names" ] || fail "dpkg-shlibdeps finds $found, the package declares $depends"
    fi
fi

# Unpacked into a scratch root: the files, and the binary's libraries all found.
root=$SCRATCH/root
dpkg -x "$deb" "$root"
mtfp=$(find "$root" -path '*/bin/mtfp' -type f)
[ -n "$mtfp" ] && [ -x "$mtfp" ] || {
    fail "no bin/mtfp in the package"
    finish
}
prefix=${mtfp%/bin/mtfp}
for file in share/mtfp/models/example/model.lua share/mtfp/scripts/placement-pressure.lua \
    share/mtfp/lua/mtfp.lua share/man/man1/mtfp.1.gz share/bash-completion/completions/mtfp \
    share/doc/mtfp/README.md share/doc/mtfp/LICENSE; do
    [ -f "$prefix/$file" ] || fail "not in the package: $file"
done
! ldd "$mtfp" | grep -q "not found" || fail "the packaged mtfp lacks libraries: $(ldd "$mtfp" | grep "not found")"
[ "$("$mtfp" --version | head -1)" = "$version" ] || fail "the packaged mtfp --version: $("$mtfp" --version)"

# The headline of the build's mtfp on the source's example, as `make run` prints it.
mkdir -p "$SCRATCH/source-run"
ln -s "$SOURCE/models" "$SCRATCH/source-run/models"
ln -s "$SOURCE/scripts" "$SCRATCH/source-run/scripts"
(cd "$SCRATCH/source-run" && "$MTFP" run >"$SCRATCH/headline-build") || fail "the build's mtfp run failed"
# The packaged mtfp with no arguments from an empty directory: the installed example.
mkdir -p "$SCRATCH/empty"
(cd "$SCRATCH/empty" && "$mtfp" run >"$SCRATCH/headline-installed") || fail "the packaged mtfp run failed"
same_file "$SCRATCH/headline-build" "$SCRATCH/headline-installed"
# And on a copy of the example and its scripts, as a council would start its own model.
mkdir -p "$SCRATCH/copy"
cp -r "$prefix/share/mtfp/models" "$prefix/share/mtfp/scripts" "$SCRATCH/copy/"
(cd "$SCRATCH/copy" && "$mtfp" run >"$SCRATCH/headline-copy") || fail "the packaged mtfp run on a copy failed"
same_file "$SCRATCH/headline-build" "$SCRATCH/headline-copy"
[ -f "$SCRATCH/copy/output/cabinet-pack.xlsx" ] || fail "the packaged mtfp wrote no output/cabinet-pack.xlsx"
finish
