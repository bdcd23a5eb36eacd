-- Waltham Forest children's services, 2005/06, loaded from a general-ledger extract in codes
-- (ledger.csv: cost_centre, account, amount) through the code mapping mapping.csv, which also
-- groups the services under the plan's own tables and records the providers the plan names.
--
-- Source: London Borough of Waltham Forest, "Our strategy for the development of services for
-- children & young people, 2006/09", section 5 "Resources and risk" (../shared/seeds/000_*.txt):
-- 5.5 (Lifelong Learning, £200m), 5.7 (children's social services, £27m), 5.8-5.9 (PCT, £8.6m).
-- The plan publishes service totals; the lines are models/example's, the codes assigned as
-- docs/sources.md says. Its budget, indices, funding and scenarios are the example's, and so is
-- its plan.
model {
  name = "Waltham Forest children's services",
  organisation = "London Borough of Waltham Forest",
  base_year = "2005/06",
  inputs = { revenue = "ledger.csv" },   -- mapping.csv is found by its name
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

-- The totals the plan states, which the revenue lines must add up to.
control_total { partner = "Schools", amount = 170e6, label = "Schools budget 2005/06 (5.5)" }
control_total { partner = "Lifelong Learning", amount = 30e6,
                label = "Lifelong Learning other than schools 2005/06 (5.5: £200m less £170m)" }
control_total { partner = "Social Services", amount = 27e6, label = "Children's social services 2005/06 (5.7)" }
control_total { partner = "PCT", amount = 8.6e6, label = "PCT children's services 2005/06 (5.8)" }
