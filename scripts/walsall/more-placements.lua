-- Shared by the pool scenarios: twelve more looked-after children placed from
-- October 2010 at about £30,000 a year each (illustrative), so that the pool
-- overspends and the risk-share rule decides who bears it.
pressure {
  id = "LAC-12", service = "Looked after children placements",
  subjective = "Third Party Payments", amount = 12 * 30000, from = "2010-10",
  reason = "Twelve more looked-after children placed (illustrative)",
}
