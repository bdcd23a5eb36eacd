# The house's rule (docs/design.md "The house"): data flows one way,
# cli -> run -> {io, book, lua} -> core; io, book and lua use core alone. Each file's includes are read and
# each header is put in the folder of the file it declares (include/mtfp/X.h
# is engine/F/X.c's; a header with no .c of its own, types only, is core's).
# A folder may include its own headers and those of the folders below it;
# Lua's headers are lua's alone, libxlsxwriter's book's, libcsv's, expat's and
# minizip's io's; and
# core's messages have no command-line word in them (--set, --vary, ...).
source "$(dirname "$0")/lib.sh"
cd "$SOURCE"
declare -A below=(
    [core]="core"
    [lua]="lua core"
    [io]="io core"
    [book]="book core"
    [run]="run io book lua core"
    [cli]="cli run io book lua core"
)
declare -A owners
for source_file in engine/*/*.c; do
    name=$(basename "$source_file" .c)
    folder=${source_file#engine/}
    owners[$name]=${folder%%/*}
done
checked=0
for folder in "${!below[@]}"; do
    for file in engine/"$folder"/*.[ch]; do
        checked=$((checked + 1))
        while read -r header; do
            name=${header#mtfp/}
            name=${name%.h}
            owner=${owners[$name]:-core}
            [[ " ${below[$folder]} " == *" $owner "* ]] ||
                fail "$file includes $header, which is $owner's: $folder may use ${below[$folder]}"
        done < <(grep -oE '^#include "mtfp/[a-z0-9_]+\.h"' "$file" | sed -E 's/.*"(.*)"/\1/')
        if [ "$folder" != lua ] && grep -qE '^#include [<"](lua|lauxlib|lualib)\.h' "$file"; then
            fail "$file includes a Lua header: only engine/lua may"
        fi
        if [ "$folder" != book ] && grep -qE '^#include [<"]xlsxwriter' "$file"; then
            fail "$file includes libxlsxwriter: only engine/book may"
        fi
        if [ "$folder" != io ] && grep -qE '^#include [<"]csv\.h' "$file"; then
            fail "$file includes libcsv: only engine/io may"
        fi
        if [ "$folder" != io ] && grep -qE '^#include [<"](expat|unzip|zip)\.h' "$file"; then
            fail "$file includes expat or minizip: only engine/io may"
        fi
    done
done
# Public headers follow their files' rules too.
for header in include/mtfp/*.h; do
    name=$(basename "$header" .h)
    owner=${owners[$name]:-core}
    while read -r included; do
        included_name=${included#mtfp/}
        other=${owners[${included_name%.h}]:-core}
        [[ " ${below[$owner]} " == *" $other "* ]] ||
            fail "$header ($owner's) includes $included, which is $other's"
    done < <(grep -oE '^#include "mtfp/[a-z0-9_]+\.h"' "$header" | sed -E 's/.*"(.*)"/\1/')
done
words=$(grep -nE '"[^"]*--(set|vary|years|csv|runs|seed|threshold|threads|strict|units)\b' \
    engine/core/*.c || true)
[ -z "$words" ] || fail "core's messages name command-line options: $words"
[ "$checked" -gt 80 ] || fail "only $checked files checked"
finish
