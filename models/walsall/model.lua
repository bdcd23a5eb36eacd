-- Walsall Children's Trust: a looked-after children placements pool with the PCT.
--
-- Source: Walsall Children and Young People's Plan (../shared/seeds/002_*.txt): the
-- milestones "2009-10 ... Identify pooled budget options that will deliver improved
-- outcomes: a. Looked after children placements b. Disabilities c. Continuing Care
-- d. CAMHS" and "2010-11 ... Implement pooled budgets for services where evidence shows
-- such arrangements will improve outcomes"; 462 looked-after children. The plan gives
-- no budgets: every amount, the contribution shares and the rates are illustrative
-- (docs/sources.md), sized on 462 placements at about £30,000 a year.
model {
  name = "Walsall children's services: LAC placements pool",
  organisation = "Walsall Council",
  base_year = "2009/10",
  years = 3,
  scenarios = {
    "../../scripts/walsall/pool-pro-rata.lua",
    "../../scripts/walsall/pool-host-takes-all.lua",
    "../../scripts/walsall/pool-pct-capped.lua",
  },
}

index("pay", 0.01)
index("contracts", 0.02)
index("prices", 0.02)

-- Implemented in 2010-11 (the plan's milestone): the Council hosts, the PCT puts in
-- 15% of the placements budget; by default over- and underspends are shared in
-- proportion to contributions.
pool {
  name = "Looked after children placements",
  host = "Council",
  services = { "Looked after children placements" },
  start = "2010/11",
  contributions = { Council = 0.85, PCT = 0.15 },
  risk_share = "pro-rata",
}

funding { source = "Council cash limit",
          amounts = { ["2009/10"] = 29.5e6, ["2010/11"] = 27.8e6, ["2011/12"] = 28.3e6,
                      ["2012/13"] = 28.8e6 } }
