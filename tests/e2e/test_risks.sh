# The risk register against figures worked by hand (tests/fixtures/risks/README.md): bands at
# their edges, the expected cost of three priced risks by year, a materialised risk's pressure,
# and in mtfp simulate one risk of probability 0.3 materialising in 30% of 10,000 runs, the same
# with one thread or two.
source "$(dirname "$0")/lib.sh"
fixture=$SOURCE/tests/fixtures/risks
mitigated='Placement panel works: R1 less likely'
materialised='Three more placements from April 2011'

# The band of each risk of Base's register, as risks.csv gives it: "R1 HIGH R5 MEDIUM ...".
bands() {
    awk -F, '$1 == "Base" && $(NF-2) == "exposure" && $(NF-1) == "2010/11" { printf "%s %s ", $2, $10 }' "$1"
}

if expect_status 0 "$MTFP" run "$fixture" -o "$SCRATCH/pack.xlsx" --csv "$SCRATCH/csv"; then
    summary=$SCRATCH/csv/summary.csv
    risks=$SCRATCH/csv/risks.csv
    # Halton's bands: 4 LOW and 6 MEDIUM either side of 4; 9 MEDIUM and 12 HIGH either side of 10.
    [ "$(bands "$risks")" = "R1 HIGH R5 MEDIUM R7 MEDIUM R2 MEDIUM R4 LOW R6 LOW R3 LOW " ] ||
        fail "the register's bands, highest score first: $(bands "$risks")"
    # The expected cost of R1, R2 and R3 by year, and the gap with it; the NBR without it.
    has_rows "$summary" \
        "Base,expected_risk_cost,2010/11,153802.47" "Base,expected_risk_cost,2011/12,321209.87" \
        "Base,expected_risk_cost,2012/13,278000.00" "Base,gap_with_risks,2010/11,203802.47" \
        "Base,gap_with_risks,2011/12,371209.87" "Base,gap_with_risks,2012/13,328000.00" \
        "Base,net_budget_requirement,2011/12,3000000.00" "Base,gap,2011/12,50000.00"
    ! grep -q "expected_risk_cost,2009/10" "$summary" || fail "the base year has an expected cost of risks"
    has_rows "$risks" \
        "Base,R2,Agency social workers cover vacant posts,Assessment,Head of Assessment,Overseas recruitment,2,3,6,MEDIUM,0.35,123456.78,open,exposure,2010/11,30864.20" \
        "Base,R2,Agency social workers cover vacant posts,Assessment,Head of Assessment,Overseas recruitment,2,3,6,MEDIUM,0.35,123456.78,open,expected,2010/11,10802.47" \
        "Base,R2,Agency social workers cover vacant posts,Assessment,Head of Assessment,Overseas recruitment,2,3,6,MEDIUM,0.35,123456.78,open,expected,2012/13,0.00" \
        "Base,R1,Three more external residential placements,Placements & Resources,Head of Safeguarding,Placement panel reviews every request,3,4,12,HIGH,0.6,450000.00,open,expected,2010/11,135000.00" \
        "Base,R4,Data quality falls short,,Director,Monthly data quality reports,4,1,4,LOW,0.9,,open,expected,2011/12,0.00"
    # A mitigation: R1 at likelihood 2 is 8 MEDIUM at 30%.
    has_rows "$summary" \
        "$mitigated,expected_risk_cost,2010/11,86302.47" "$mitigated,gap_with_risks,2012/13,193000.00"
    grep -qF "$mitigated,R1,Three more external residential placements,Placements & Resources,Head of Safeguarding,Placement panel reviews every request,2,4,8,MEDIUM,0.3,450000.00,open,expected,2011/12,135000.00" "$risks" ||
        fail "the mitigated R1 in risks.csv"
    # Materialised from April 2011: a pressure of £450,000.00 a year in cash, out of the risks.
    has_rows "$summary" \
        "$materialised,pressures,2010/11,0.00" "$materialised,pressures,2011/12,450000.00" \
        "$materialised,pressures,2012/13,0.00" "$materialised,gap,2012/13,500000.00" \
        "$materialised,expected_risk_cost,2011/12,51209.87" \
        "$materialised,gap_with_risks,2011/12,551209.87"
    has_rows "$SCRATCH/csv/revenue.csv" \
        "$materialised,Council,Placements & Resources,Third Party Payments,2011/12,2250000.00"
    grep -qF "$materialised,R1,Three more external residential placements,Placements & Resources,Head of Safeguarding,Placement panel reviews every request,3,4,12,HIGH,0.6,450000.00,materialised,expected,2011/12,0.00" "$risks" ||
        fail "the materialised R1 in risks.csv"
    # The pack: a Risks sheet, the Audit's row for the materialised risk, the scripts' notes.
    pack_has "$SCRATCH/pack.xlsx" xl/workbook.xml '<sheet name="Risks"' || fail "no Risks sheet"
    audit=$(python3 - "$SCRATCH/pack.xlsx" "$SOURCE/tests/e2e" <<'PY'
import sys, zipfile
sys.path.insert(0, sys.argv[2])
from pack_xml import sheet_parts, cells
texts = [v for k, v in cells(sheet_parts(zipfile.ZipFile(sys.argv[1]))["Audit"]).values() if k == "s"]
print("\n".join(texts))
PY
    )
    grep -qx "risk materialised" <<<"$audit" || fail "no Audit row of kind 'risk materialised'"
    grep -qF "risk R1 re-scored: likelihood 3 -> 2, score 12 (HIGH) -> 8 (MEDIUM)" <<<"$audit" ||
        fail "no Audit note of R1's re-scoring"
    grep -qF "risk materialised: likelihood 3 x severity 4 = 12 (HIGH)" <<<"$audit" ||
        fail "the materialised risk's reason"
fi

# Bands of the model's own: low = 3, medium = 8: 3 LOW, 4 MEDIUM; 8 MEDIUM, 9 HIGH.
cp -r "$fixture" "$SCRATCH/bands"
sed -i 's/bands = { low = 4, medium = 10 }/bands = { low = 3, medium = 8 }/' "$SCRATCH/bands/model.lua"
if expect_status 0 "$MTFP" run "$SCRATCH/bands" -o "$SCRATCH/bands.xlsx" --csv "$SCRATCH/bands-csv"; then
    [ "$(bands "$SCRATCH/bands-csv/risks.csv")" = "R1 HIGH R5 HIGH R7 MEDIUM R2 MEDIUM R4 MEDIUM R6 LOW R3 LOW " ] ||
        fail "the bands 3 and 8: $(bands "$SCRATCH/bands-csv/risks.csv")"
    pack_has "$SCRATCH/bands.xlsx" 'xl/worksheets/sheet*.xml' "1-3 LOW, 4-8 MEDIUM, 9-16 HIGH" ||
        fail "the Risks sheet does not state the bands 3 and 8"
fi

# One risk of probability 0.3: £100,000.00 a year from April 2010 on a gap of £50,000.00.
mkdir -p "$SCRATCH/single/scripts"
cp "$fixture/revenue.csv" "$SCRATCH/single/"
sed 's/scenarios = {[^}]*}/scenarios = {}/' "$fixture/model.lua" >"$SCRATCH/single/model.lua"
printf '%s\n' "id,title,likelihood,severity,impact,from,probability" \
    "R1,Tribunal costs,2,3,100000,2010-04,0.3" >"$SCRATCH/single/risks.csv"
cp "$fixture/scripts/drawn.lua" "$SCRATCH/single/scripts/"
for threads in 1 2; do
    expect_status 0 "$MTFP" simulate "$SCRATCH/single" -s "$SCRATCH/single/scripts/drawn.lua" \
        --runs 10000 --seed 7 --threads "$threads" --threshold 100000 \
        -o "$SCRATCH/single$threads.xlsx" --csv "$SCRATCH/single$threads"
done
for table in simulation.csv simulation-runs.csv simulation-risks.csv; do
    same_file "$SCRATCH/single1/$table" "$SCRATCH/single2/$table"
done
cmp -s "$SCRATCH/single1.xlsx" "$SCRATCH/single2.xlsx" || fail "the packs of 1 and 2 threads differ"
grep -qF "(seed 7, 0 uncertain values and 1 priced risk each)" "$SCRATCH/out" ||
    fail "simulate's summary: $(cat "$SCRATCH/out")"
python3 - "$SCRATCH/single2" <<'PY' || fail "the risk did not materialise in 30% of the runs"
import csv, sys
d = sys.argv[1]
risks = {r["measure"]: float(r["value"]) for r in csv.DictReader(open(f"{d}/simulation-risks.csv"))}
share = risks["materialised"]
bad = []
if not 0.285 <= share <= 0.315:
    bad.append(f"materialised in {share:.2%} of runs, expected 30% +- 1.5%")
# Every run that draws it is taken over £100,000 by it: its gap is £50,000.00 without, £150,000.00 with.
if risks["pushed_over"] != share:
    bad.append(f"pushed the gap over in {risks['pushed_over']:.2%}, materialised in {share:.2%}")
stats = {(r["measure"], r["statistic"], r["year"]): r["value"] for r in csv.DictReader(open(f"{d}/simulation.csv"))}
mean = float(stats[("gap_with_risks", "mean", "2012/13")])
want = round(50000 + share * 100000, 2)  # n runs of 10,000 at £150,000, the rest at £50,000
if mean != want:
    bad.append(f"the mean gap with risks is {mean}, expected {want}")
if stats[("gap", "mean", "2012/13")] != "50000.00":
    bad.append("the gap without risks is not £50,000.00 in every run")
if float(stats[("gap_with_risks", "share_above_100000.00", "2012/13")]) != share:
    bad.append("the chance the gap with risks is above £100,000 is not the risk's")
runs = [r for r in csv.DictReader(open(f"{d}/simulation-runs.csv"))
        if r["measure"] == "gap_with_risks" and r["year"] == "2010/11"]
if len(runs) != 10000 or {r["amount"] for r in runs} != {"50000.00", "150000.00"}:
    bad.append(f"the runs' gaps with risks: {len(runs)} runs of {sorted({r['amount'] for r in runs})}")
print("\n".join(bad), file=sys.stderr)
sys.exit(1 if bad else 0)
PY
# The same seed draws the risk in the same runs; another seed in others.
expect_status 0 "$MTFP" simulate "$SCRATCH/single" -s "$SCRATCH/single/scripts/drawn.lua" \
    --runs 10000 --seed 8 -o "$SCRATCH/seed8.xlsx" --csv "$SCRATCH/seed8"
! cmp -s "$SCRATCH/single1/simulation-runs.csv" "$SCRATCH/seed8/simulation-runs.csv" ||
    fail "seeds 7 and 8 drew the same runs"

# A model without risks: risks.csv's header alone, no risk lines, no Risks sheet.
if expect_status 0 "$MTFP" run "$SOURCE/tests/fixtures/small" -o "$SCRATCH/small.xlsx" \
    --csv "$SCRATCH/small"; then
    [ "$(cat "$SCRATCH/small/risks.csv")" = "scenario,id,title,service,owner,mitigation,likelihood,severity,score,band,probability,impact,status,measure,year,amount" ] ||
        fail "risks.csv of a model without risks: $(head -2 "$SCRATCH/small/risks.csv")"
    ! grep -q "risk" "$SCRATCH/small/summary.csv" || fail "risk lines without risks"
    ! pack_has "$SCRATCH/small.xlsx" xl/workbook.xml '<sheet name="Risks"' || fail "a Risks sheet without risks"
fi
finish
