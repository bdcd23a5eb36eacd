# Reading the model's input files: model.lua's round_amounts, which rounds amounts with
# fractions of a penny and says how many and by how much; and what the figures rest on that no
# input gives, which mtfp check and the Assumptions sheet list as assumed.
source "$(dirname "$0")/lib.sh"
model=$SCRATCH/rounded
mkdir -p "$model"
cat >"$model/model.lua" <<'LUA'
model { name = "Rounded", base_year = "2009/10", years = 1, round_amounts = true }
LUA
# By hand, half away from zero: 1,000.005 is 1,000.01 (+0.005); 2,000.0049 is 2,000.00
# (-0.0049); -300.125 is -300.13 (-0.005); 400.50 and 500.1000 are whole pence already.
# Three rounded, adding 0.005 - 0.0049 - 0.005 = -0.0049; the base budget is 1,000.01 +
# 2,000.00 - 300.13 + 400.50 + 500.10 = 3,600.48.
cat >"$model/revenue.csv" <<'CSV'
partner,service,subjective,amount
Council,Assessment,Employees,1000.005
Council,Assessment,Supplies and Services,"2,000.0049"
Council,Assessment,Customer and Client Receipts,(300.125)
Council,Fieldwork,Employees,400.50
Council,Fieldwork,Premises,500.1000
CSV
expect_status 0 "$MTFP" run "$model" -o "$SCRATCH/rounded.xlsx" --csv "$SCRATCH/rounded-csv" &&
    grep -qxF "$model/model.lua:1: warning: round_amounts: 3 amounts in the input files had more than two decimal places and were rounded to the penny (half away from zero): they add up to £0.0049 less than as given" \
        "$SCRATCH/err" || fail "round_amounts' finding: $(cat "$SCRATCH/err")"
has_rows "$SCRATCH/rounded-csv/summary.csv" "Base,net_budget_requirement,2009/10,3600.48"
has_rows "$SCRATCH/rounded-csv/revenue.csv" "Base,Council,Assessment,Employees,2009/10,1000.01" \
    "Base,Council,Assessment,Customer and Client Receipts,2009/10,-300.13"
# --strict makes the finding an error, as every warning.
expect_status 1 "$MTFP" check "$model" --strict
# Without it, each is an error that says how to round them (500.1000 too: four).
sed -i 's/, round_amounts = true//' "$model/model.lua"
expect_status 1 "$MTFP" check "$model" && [ "$(wc -l <"$SCRATCH/err")" = 4 ] &&
    grep -qxF "$model/revenue.csv:4:4: amount \"(300.125)\" is not valid: at most two decimal places (whole pence), or model.lua's round_amounts = true to round them" \
        "$SCRATCH/err" || fail "fractions without round_amounts: $(cat "$SCRATCH/err")"
# The small fixture leaves out the fees index (its grant follows it: 0%), the amber weight
# (its non-cashable saving NC1 is amber) and how savings are budgeted; it gives the rest.
expect_status 0 "$MTFP" check "$SOURCE/tests/fixtures/small" &&
    same_file - <(sed -n '2,$p' "$SCRATCH/out") <<'OUT' || fail "small's assumed values"
Assumed, as no input gives them (model.lua sets them):
  index("fees", ...): 0% a year (the inflation of the revenue lines that follow it)
  savings{ weights.amber }: 50% (the share of a saving so rated expected to be delivered)
  savings{ budget }: "planned" (cashable savings enter the budget in full, not at their RAG weights)
OUT
expect_status 0 "$MTFP" run "$SOURCE/tests/fixtures/small" -o "$SCRATCH/small.xlsx" &&
    pack_has "$SCRATCH/small.xlsx" 'xl/worksheets/sheet*.xml' 'savings{ weights.amber }' ||
    fail "the Assumptions sheet does not list the amber weight as assumed"
# The staffing fixture gives every staffing rate but the vacancy factor: no NI threshold is
# assumed, as its ni_threshold is given.
expect_status 0 "$MTFP" check "$SOURCE/tests/fixtures/staffing" &&
    grep -qxF '  staffing{ vacancy_rate }: 0% (the share of a service'"'"'s pay bill taken off for turnover, where a scenario sets none)' \
        "$SCRATCH/out" && ! grep -q "ni_threshold\|ni_rate\|pension" "$SCRATCH/out" ||
    fail "staffing's assumed values: $(cat "$SCRATCH/out")"
# A model that gives everything says so.
mkdir -p "$SCRATCH/given"
cat >"$SCRATCH/given/model.lua" <<'LUA'
model { name = "Given", base_year = "2009/10" }
index("pay", 0.02)
LUA
printf 'partner,service,subjective,amount\nCouncil,Fieldwork,Employees,1000.00\n' >"$SCRATCH/given/revenue.csv"
expect_status 0 "$MTFP" check "$SCRATCH/given" && [ "$(wc -l <"$SCRATCH/out")" = 1 ] ||
    fail "a model that gives every value: $(cat "$SCRATCH/out")"
finish
