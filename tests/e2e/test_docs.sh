# The examples of docs/lua-api.md and docs/model-format.md run as a new user would run them: each
# Lua example on the model its first line names ("-- runs on models/herefordshire"), with no
# error and no warning of its own; each mtfp command shown, from the repository's root; and
# model-format.md's model.lua, as a model with a ledger of the services it names.
source "$(dirname "$0")/lib.sh"
# The commands run in a directory of their own (expect_status keeps their output in $SCRATCH),
# as from the repository's root; not in a subshell, which would lose the failures counted.
root=$SCRATCH/root
mkdir "$root"
for dir in models scripts tests; do ln -s "$SOURCE/$dir" "$root/$dir"; done
cd "$root"

# Write the Nth ```lua block of a page to a file.
lua_block() { # page n file
    awk -v want="$2" '/^```lua$/ { n++; inside = (n == want); next }
                      /^```/ { inside = 0 } inside' "$1" >"$3"
}

page=$SOURCE/docs/lua-api.md
blocks=$(grep -c '^```lua$' "$page")
[ "$blocks" -ge 6 ] || fail "lua-api.md has $blocks Lua examples, expected at least 6"
for n in $(seq 1 "$blocks"); do
    script=$root/example-$n.lua
    lua_block "$page" "$n" "$script"
    model=$(sed -n '1s/^-- runs on \([^ ;]*\).*/\1/p' "$script")
    if [ -z "$model" ]; then
        fail "lua-api.md's Lua example $n does not start '-- runs on MODEL': $(head -1 "$script")"
        continue
    fi
    expect_status 0 "$MTFP" run "$model" -s "example-$n.lua" -o "example-$n.xlsx" || continue
    grep -q "example-$n.lua" "$SCRATCH/err" &&
        fail "lua-api.md's Lua example $n warns on $model: $(grep "example-$n.lua" "$SCRATCH/err")"
done

# The commands shown (lines starting "mtfp " in plain ``` blocks), run from the root as build/mtfp.
awk '/^```/ { fenced = !fenced; plain = fenced && $0 == "```"; next } plain && /^mtfp / { cmd = $0; while (cmd ~ /\\$/) {
         sub(/\\$/, "", cmd); getline line; cmd = cmd line } print cmd }' "$page" >"$SCRATCH/commands"
[ "$(wc -l <"$SCRATCH/commands")" -ge 2 ] || fail "lua-api.md shows fewer mtfp commands than its two"
while read -r -a words; do
    expect_status 0 "$MTFP" "${words[@]:1}" || true
done <"$SCRATCH/commands"

# model-format.md's model.lua, with the lines its names need (the Social Services control total
# of £27m, the pool's host Council) and the scenario it lists (../../scripts/, from the model).
mkdir -p m/format
lua_block "$SOURCE/docs/model-format.md" 1 m/format/model.lua
cat >m/format/ledger-extract.csv <<'CSV'
partner,service,subjective,amount
Social Services,Placements & Resources,Third Party Payments,11000000.00
Social Services,Assessment,Employees,16000000.00
Council,Looked after children placements,Third Party Payments,2000000.00
CSV
expect_status 0 "$MTFP" run m/format --strict -o format.xlsx || true
finish
