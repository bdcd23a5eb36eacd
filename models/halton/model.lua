-- Halton Borough Council, Children and Young People's Directorate: three divisions'
-- establishment and their 2006/07 budget, projected over 2007/08 to 2009/10.
--
-- Source: Halton Borough Council service plan (../shared/seeds/004_*.txt), 2.3
-- "Organisation Structure": FTE and headcount by category for Children & Families
-- Extended Services (69.8 FTE / 91), Disability and Complex Needs (32 / 34) and
-- Inclusive Learning (35.8 / 41). The posts are synthesised to match that table
-- exactly (everyone at 0.5 FTE, then full time one by one, the remainder on one post);
-- their grades, points and salaries, the other budget lines and the rates are
-- illustrative (docs/sources.md). The Employees budgets equal the establishment's
-- 2006/07 pay bill, so the reconciliation is clean.
model {
  name = "Halton children and young people: three divisions",
  organisation = "Halton Borough Council",
  base_year = "2006/07",
  years = 3,
  scenarios = { "../../scripts/halton/vacancies.lua", "../../scripts/halton/out-of-borough.lua" },
}

index("pay", { 0.0295, 0.025, 0.025 })
index("prices", 0.025)
index("contracts", 0.03)

-- Employer National Insurance: 12.8% above the 2006/07 secondary threshold of £5,035.
staffing { increment_month = 4, ni_rate = 0.128, ni_threshold = 5035, pension_rate = 0.195,
           agency_premium = 0.3 }

-- The service plan's risk score bands (6.1, "Risk Score: 1-4 LOW, 5-10 MEDIUM, 11-16 HIGH"),
-- mtfp's default, given here as the plan gives them; the key objectives' risks (risks.csv)
-- have their responsible officers as owners, but the plan's scores are "TBC": those in
-- risks.csv are illustrative (docs/sources.md).
risks { bands = { low = 4, medium = 10 } }

funding { source = "Council cash limit",
          amounts = { ["2006/07"] = 6396047.01, ["2007/08"] = 6556000, ["2008/09"] = 6720000,
                      ["2009/10"] = 6888000 } }  -- about 2.5% a year: illustrative
