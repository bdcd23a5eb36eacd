-- How bad could it get? The placement pressure and the pay award as ranges,
-- for `mtfp simulate` (in `mtfp run` each uncertain value is its mean).
--
-- Herefordshire's directorate plan 2009-11, 2.4 (../shared/seeds/003_*.txt):
-- "each new placement typically costs in excess of £150,000 per year, this will
-- be a continuing cost pressure". How many more children are placed, and at
-- what cost, is not known in advance: a Poisson count averaging three, each
-- costing between £130,000 and £200,000 a year (most likely £150,000). The
-- pay awards of the example (2.95% then 2.5%) may come in half a point either
-- way. The 3% efficiency target on social services is delivered in full, in
-- or only two-thirds or a third of it (RAG amber). The ranges are illustrative.
scenario "Placements, pay and efficiency: the range of outcomes"

local children = uncertain.poisson(3)
local cost = uncertain.triangular(130000, 150000, 200000)

pressure {
  id = "PLC-EXT-RANGE",
  service = "Placements & Resources", subjective = "Third Party Payments",
  amount = children * cost, from = "2006-10",
  reason = "New external placements, each over £150,000 a year",
}

index("pay", { uncertain.normal(0.0295, 0.005), uncertain.normal(0.025, 0.005) })

saving {
  id = "EFF-3PC-RANGE",
  partner = "Social Services", service = "*",
  percent = uncertain.choice({ 0.03, 0.02, 0.01 }, { 0.5, 0.3, 0.2 }), from = "2006/07",
  type = "cashable", rag = "amber",
  reason = "Directorate efficiency target of 3%: delivered in full, 2% or 1%",
}
