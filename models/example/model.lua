-- Waltham Forest children's services, 2005/06 budget projected over 2006/07 to 2008/09.
--
-- Source: London Borough of Waltham Forest, "Our strategy for the development of
-- services for children & young people, 2006/09", section 5 "Resources and risk"
-- (../shared/seeds/000_*.txt). Budgets: 5.5 (Lifelong Learning, £200m), 5.7
-- (children's social services, £27m), 5.8-5.9 (PCT, £8.6m). Funding: the projection
-- of resources by partner area in 5.15. The split of each service across subjectives
-- and the index rates are illustrative: the plan gives neither (docs/sources.md).
model {
  name = "Waltham Forest children's services",
  organisation = "London Borough of Waltham Forest",
  base_year = "2005/06",
  years = 3,
  scenarios = {
    "../../scripts/placement-pressure.lua",
    "../../scripts/efficiency-3pc.lua",
  },
}

-- Illustrative rates (the plan states none): pay awards of 2.95% then 2.5%,
-- contract inflation 3%, other prices 2.5%, fees and charges 2.5%.
index("pay", { 0.0295, 0.025 })
index("contracts", 0.03)
index("prices", 0.025)
index("fees", 0.025)

-- 5.15: "a projection of the overall level of resources available to children's
-- services in the next three years broken down according to each partner's area"
-- (£m). The 2005/06 figures are the budgets of 5.5, 5.7 and 5.8.
funding { source = "Schools budget (Dedicated Schools Grant)",
          amounts = { ["2005/06"] = 170e6, ["2006/07"] = 175e6, ["2007/08"] = 183e6, ["2008/09"] = 194e6 } }
funding { source = "Other lifelong learning budgets",
          amounts = { ["2005/06"] = 30e6, ["2006/07"] = 31e6, ["2007/08"] = 31e6, ["2008/09"] = 32e6 } }
funding { source = "Social care",
          amounts = { ["2005/06"] = 27e6, ["2006/07"] = 27e6, ["2007/08"] = 28e6, ["2008/09"] = 29e6 } }
funding { source = "PCT",
          amounts = { ["2005/06"] = 8.6e6, ["2006/07"] = 9e6, ["2007/08"] = 9e6, ["2008/09"] = 9e6 } }

-- The social-services teams of 5.26 (285 staff), as posts on illustrative salaries:
-- employer NI at 12.8% above the 2005/06 threshold of £4,895 and pension at 18%
-- (illustrative). Each service's Employees line is its establishment's pay bill.
staffing { increment_month = 4, ni_rate = 0.128, ni_threshold = 4895, pension_rate = 0.18 }

-- The totals the plan states, which the revenue lines must add up to.
control_total { partner = "Schools", amount = 170e6, label = "Schools budget 2005/06 (5.5)" }
control_total { partner = "Lifelong Learning", amount = 30e6,
                label = "Lifelong Learning other than schools 2005/06 (5.5: £200m less £170m)" }
control_total { partner = "Social Services", amount = 27e6, label = "Children's social services 2005/06 (5.7)" }
control_total { partner = "PCT", amount = 8.6e6, label = "PCT children's services 2005/06 (5.8)" }
