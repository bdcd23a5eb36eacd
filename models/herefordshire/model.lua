-- Herefordshire Council, Children and Young People's Directorate: the 2008/09 budget
-- projected over the plan's years 2009/10 to 2011/12, with the capital programme.
--
-- Source: Herefordshire Council, "Children and Young People's Directorate Plan
-- 2009-2011" (../shared/seeds/003_*.txt): a revenue operating budget of about £23m
-- excluding grants and DSG, and a capital programme of £80m over 2008-2011 (1.3);
-- "nil growth (except for pay inflation)" (2.4); Primary Strategy for Change £250,000
-- across primary schools and about £7.5m across 2009/10 and 2010/11, Building Schools
-- for the Future £0.8m-£1.5m in 2009/10 (section 5); The Minster and Wyebridge rebuilds
-- underway; the directorate risk register (Appendix 2, risks.csv) scored as published.
-- The split of the budget and of the programme into schemes, the funding mix, the rates,
-- asset lives and the risks' impacts are illustrative (docs/sources.md).
model {
  name = "Herefordshire children and young people",
  organisation = "Herefordshire Council",
  base_year = "2008/09",
  years = 3,
  scenarios = {
    "../../scripts/herefordshire/psfc-slippage.lua",
    "../../scripts/herefordshire/bsf-a-year-late.lua",
    "../../scripts/herefordshire/three-more-placements.lua",
    "../../scripts/herefordshire/efficiency-half-delivered.lua",
    "../../scripts/herefordshire/tamhs-pilot.lua",
    "../../scripts/herefordshire/tamhs-posts-kept.lua",
    "../../scripts/herefordshire/think-family.lua",
    "../../scripts/herefordshire/recommended-budget.lua",
    "../../scripts/herefordshire/risks-mitigated.lua",
  },
}

index("pay", 0.025)     -- illustrative
index("prices", 0.02)
index("contracts", 0.03)

-- Borrowing is repaid over the assets' lives, from the year after the spend.
capital {
  mrp = "straight-line", interest_rate = 0.045, asset_life = 40,
  lives = { ["ICT in schools"] = 5, ["Schools capital programme"] = 30 },
}

-- Employer on-costs for posts scripts add: NI at 12.8% above the 2009/10 secondary
-- threshold of £5,715; pension at 20% (illustrative).
staffing { increment_month = 4, ni_rate = 0.128, ni_threshold = 5715, pension_rate = 0.2 }

-- "The broad financial outlook is one of nil growth (except for pay inflation)" (2.4):
-- the cash limit grows each year by the pay award (2.5%) on the Employees budgets, £12.7m in
-- 2008/09 (revenue.csv): +317,500.00, then +325,437.50 on £13,017,500, then +333,573.44 on
-- £13,342,937.50.
funding { source = "Council revenue budget",
          amounts = { ["2008/09"] = 23e6, ["2009/10"] = 23317500, ["2010/11"] = 23642937.50,
                      ["2011/12"] = 23976510.94 } }

-- Budget monitoring at month 7 of 2008/09 (actuals.csv, profile.csv, forecast.csv; all
-- illustrative): "a balanced budget position for 2008/2009 but ... ongoing financial
-- pressures, mainly as a result of the increasing costs of external agency placements and
-- increased fostering placements" (2.4). The year balances on one-off vacancies and held-back
-- spending, but £250,000 of the placements' overspend recurs: a pressure of 250,000 x 1.03
-- (contracts) = £257,500.00 in 2009/10, £265,225.00 in 2010/11, £273,181.75 in 2011/12.
monitoring { green = 0.01, amber = 0.05, carry = "recurring" }

control_total { partner = "Council", amount = 23e6,
                label = "Revenue operating budget of approximately £23m (1.3)" }
