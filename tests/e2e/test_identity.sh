# For every model shipped and every fixture model: for each scenario and
# projection year, base_budget + inflation + pressures + savings +
# other_changes = net_budget_requirement and gap = NBR - funding, to the penny.
source "$(dirname "$0")/lib.sh"
models=0
for model in "$SOURCE"/models/*/ "$SOURCE"/tests/fixtures/*/; do
    [ -f "$model/model.lua" ] || continue
    name=$(basename "$model")
    models=$((models + 1))
    expect_status 0 "$MTFP" run "$model" -o "$SCRATCH/$name.xlsx" --csv "$SCRATCH/$name" || continue
    # Amounts to integer pence without floating point: drop the point.
    bad=$(awk -F, 'NR > 1 {
            amount = $NF; sign = 1
            if (substr(amount, 1, 1) == "-") { sign = -1; amount = substr(amount, 2) }
            sub(/\./, "", amount)
            key = $(NF - 3) SUBSEP $(NF - 1)
            value[key, $(NF - 2)] = sign * amount
            keys[key] = 1
          }
          END {
            for (k in keys) {
              if ((k, "inflation") in value) {
                sum = value[k, "base_budget"] + value[k, "inflation"] + value[k, "pressures"] \
                      + value[k, "savings"] + value[k, "other_changes"]
                if (sum != value[k, "net_budget_requirement"]) print "identity " k
              }
              if (value[k, "gap"] != value[k, "net_budget_requirement"] - value[k, "funding"])
                print "gap " k
            }
          }' "$SCRATCH/$name/summary.csv")
    [ -z "$bad" ] || fail "$name: $bad"
    rows=$(($(wc -l <"$SCRATCH/$name/summary.csv") - 1))
    [ "$rows" -gt 0 ] || fail "$name: summary.csv is empty"
done
[ "$models" -ge 2 ] || fail "only $models models found"
finish
