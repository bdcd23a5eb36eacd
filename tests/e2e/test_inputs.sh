# Reading the model's input files: model.lua's round_amounts, which rounds amounts with
# fractions of a penny and says how many and by how much.
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
finish
