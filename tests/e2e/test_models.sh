# The models built from the seeds besides the example (docs/sources.md),
# against figures worked by hand from their inputs; an independent audit in
# Python (Decimal arithmetic, from SPEC.md and the docs, not the engine)
# agreed with every Base figure of their summary.csv on 2026-12-02.
source "$(dirname "$0")/lib.sh"
for model in herefordshire walsall halton waltham-forest-ledger example; do
    expect_status 0 "$MTFP" run "$SOURCE/models/$model" -o "$SCRATCH/$model.xlsx" \
        --csv "$SCRATCH/$model" || true
done

# Herefordshire (seed 003): the £23m budget of 2008/09.
# Inflation in 2009/10: Employees £12.7m x 2.5% (pay) + Supplies and Services
# £1.5m x 2% (prices) + Third Party Payments £8m x 3% (contracts), Capital
# Financing not indexed: 317,500 + 30,000 + 240,000 = 587,500.00.
# Funding grows by the pay award on the Employees budgets: 23m + 317,500.00, then
# + 2.5% of 13,017,500.00 = 325,437.50, then + 2.5% of 13,342,937.50 = 333,573.44.
# Other changes in 2009/10: MRP (straight line, the schools programme over 30
# years) and 4.5% interest on 2008/09's borrowing: The Minster 2.25m: 75,000 +
# 101,250; Wyebridge 1.8m: 60,000 + 81,000; Schools access 0.5m: 16,666.67 +
# 22,500; Other school schemes 1.5m: 50,000 + 67,500; in all 473,916.67.
# Pressures: the monitoring's recurring overspend on Safeguarding's placements (forecast.csv:
# 6,650,000 + 100,000 recurring against a budget of 6,500,000), 250,000 x 1.03 (contracts) =
# 257,500.00 in 2009/10; then its inflation, 257,500 x 3% = 7,725.00 and 265,225 x 3% =
# 7,956.75. The cumulative gap: the 4,653,211.33 the budget leaves without it, plus 257,500.00 +
# 265,225.00 + 273,181.75 = 5,449,118.08.
has_rows "$SCRATCH/herefordshire/summary.csv" \
    "Base,net_budget_requirement,2008/09,23000000.00" \
    "Base,inflation,2009/10,587500.00" \
    "Base,funding,2009/10,23317500.00" \
    "Base,funding,2010/11,23642937.50" \
    "Base,funding,2011/12,23976510.94" \
    "Base,other_changes,2009/10,473916.67" \
    "Base,pressures,2009/10,257500.00" \
    "Base,pressures,2010/11,7725.00" \
    "Base,pressures,2011/12,7956.75" \
    "Base,cumulative_gap,2011/12,5449118.08"
# Half of a 3% target on pay, supplies and third-party payments rolled forward:
# 1.5% x (13,017,500 + 1,530,000 + 8,240,000) = 341,812.50.
has_rows "$SCRATCH/herefordshire/summary.csv" \
    "\"3% efficiency target, only half delivered\",savings,2009/10,-341812.50"
# The TaMHS grant pays for the pilot and nothing else: the gap is Base's.
has_rows "$SCRATCH/herefordshire/summary.csv" \
    "TaMHS pilot: two fixed-term posts paid by the grant,cumulative_gap,2011/12,5449118.08"

# The directorate risk register (Appendix 2), scored as published: CYP1 and CYP2 3 x 4 = 12
# HIGH, at likelihood 3's 60%. CYP1's £200,000 a year from April 2009: 120,000.00 a year; CYP2's
# £150,000 from October 2009: 45,000.00 in 2009/10, then 90,000.00. Expected cost 165,000.00, then
# 210,000.00; the gap with risks 1,001,416.67 + 165,000.00 = 1,166,416.67 in 2009/10. With the
# residual scores (CYP1 2 x 3, CYP2 2 x 2, both 30%): 60,000.00 + 22,500.00 = 82,500.00, then
# 105,000.00.
has_rows "$SCRATCH/herefordshire/summary.csv" \
    "Base,expected_risk_cost,2009/10,165000.00" "Base,expected_risk_cost,2011/12,210000.00" \
    "Base,gap_with_risks,2009/10,1166416.67" \
    "Risks mitigated: the register's residual scores,expected_risk_cost,2009/10,82500.00" \
    "Risks mitigated: the register's residual scores,expected_risk_cost,2010/11,105000.00"
grep -q "^Base,CYP1,.*,3,4,12,HIGH,0.6,200000.00,open,expected,2009/10,120000.00$" \
    "$SCRATCH/herefordshire/risks.csv" || fail "herefordshire: CYP1 in risks.csv"
grep -q "^Risks mitigated: the register's residual scores,CYP4,.*,1,2,2,LOW,0.1,,open,expected,2011/12,0.00$" \
    "$SCRATCH/herefordshire/risks.csv" || fail "herefordshire: CYP4's residual score in risks.csv"

# Walsall (seed 002): the looked-after children placements pool from 2010/11.
# The PCT contributes 15% of the pool's budget: (13,860,000 x 1.02 + 1,140,000 x
# 1.01) x 15% = 15,288,600 x 15% = 2,293,290.00, income to the host.
has_rows "$SCRATCH/walsall/summary.csv" \
    "Base,inflation,2010/11,473600.00" \
    "Base,other_changes,2010/11,-2293290.00"
has_rows "$SCRATCH/walsall/pools.csv" \
    "Base,Looked after children placements,PCT,contribution,2010/11,2293290.00"
# Twelve more placements at £30,000 from October 2010: 360,000 x 1.02 x 6/12 =
# 183,600.00 of overspend. Pro rata, the PCT bears 15% (27,540.00): the host's
# pressure is 156,060.00. Shared 50/50 the PCT would bear 91,800.00, capped at
# 50,000.00: 133,600.00. A full year in 2011/12: 360,000 x 1.02^2 = 374,544.00,
# 85% of it 318,362.40, up 162,302.40.
has_rows "$SCRATCH/walsall/summary.csv" \
    "Twelve more placements: overspend shared pro rata,pressures,2010/11,156060.00" \
    "Twelve more placements: overspend shared pro rata,pressures,2011/12,162302.40" \
    "\"Twelve more placements: shared 50/50, the PCT capped at £50,000\",pressures,2010/11,133600.00"

# Halton (seed 004): CS LPI 8's children educated out of borough, 96 -> 89 ->
# 85 -> 80, at £12,500 a year each, contracts 3%. 2007/08: 7 x 12,500 x 1.03 =
# 90,125.00. 2008/09: the first step's inflation, 87,500 x 1.03 x 3% = 2,703.75,
# and the second, 4 x 12,500 x 1.03^2 = 53,045.00: 55,748.75.
has_rows "$SCRATCH/halton/summary.csv" \
    "Out-of-borough placements: 96 -> 89 -> 85 -> 80,savings,2007/08,-90125.00" \
    "Out-of-borough placements: 96 -> 89 -> 85 -> 80,savings,2008/09,-55748.75"
# Waltham Forest's ledger (seed 000, docs/sources.md): the example's budget as a ledger extract in
# codes through its mapping gives the example's plan, to the penny: the same summary.csv, and the
# same revenue.csv but for its group and provider columns. The PCT's lines are in the group
# Primary care trust; Great Ormond Street hospital's (account 5110) are other public, the
# Employees lines own provision: Health visiting's £1.9m x 1.0295 = 1,956,050.00 in 2006/07.
ledger=$SCRATCH/waltham-forest-ledger
same_file "$SCRATCH/example/summary.csv" "$ledger/summary.csv"
python3 - "$SCRATCH/example/revenue.csv" "$ledger/revenue.csv" <<'PY' || fail "the ledger model's revenue.csv is not the example's"
import csv, sys
key = ("scenario", "partner", "service", "subjective", "year", "amount")
example, ledger = ([tuple(r[k] for k in key) for r in csv.DictReader(open(f, encoding="utf-8"))] for f in sys.argv[1:])
sys.exit(0 if example == ledger and len(example) > 100 else 1)
PY
has_rows "$ledger/revenue.csv" \
    "Base,PCT,Primary care trust,Great Ormond Street hospital,Third Party Payments,other public,2005/06,1600000.00" \
    "Base,PCT,Primary care trust,Health visiting,Employees,own,2006/07,1956050.00" \
    "Base,Schools,Lifelong Learning,Schools budget,Premises,,2005/06,17000000.00"
# The key objectives' risks (illustrative scores) in the plan's bands: CS3's £30,000 a year from
# April 2008 at likelihood 2 (30%), 9,000.00, and CS6's £50,000 at likelihood 3 (60%),
# 30,000.00: 39,000.00 a year from 2008/09; nothing in 2007/08.
has_rows "$SCRATCH/halton/summary.csv" \
    "Base,expected_risk_cost,2007/08,0.00" "Base,expected_risk_cost,2008/09,39000.00" \
    "Base,expected_risk_cost,2009/10,39000.00"
grep -q "^Base,CS6,.*,3,4,12,HIGH,0.6,50000.00,open,expected,2008/09,30000.00$" \
    "$SCRATCH/halton/risks.csv" || fail "halton: CS6 in risks.csv"
finish
