-- Three more children in external residential placements from October 2006.
--
-- Herefordshire's Children and Young People's Directorate Plan 2009-2011, 2.4
-- (../shared/seeds/003_*.txt): "each new placement typically costs in excess of
-- £150,000 per year, this will be a continuing cost pressure over the next three
-- years". The number of placements and the start month are this scenario's.
scenario {
  name = "Placement pressure: three more external residential placements",
  description = "Three more children in external residential care from October 2006, "
             .. "at £150,000 a year each",
}

local placements = param("extra_placements", 3, { low = 1, high = 6,
  description = "children placed in external residential care from October 2006" })
local cost = param("placement_cost", 150000, { low = 150000, high = 200000,
  description = "full-year cost of one external placement, 2005/06 prices" })

pressure {
  id = "PLC-EXT",
  service = "Placements & Resources", subjective = "Third Party Payments",
  amount = placements * cost, from = "2006-10",
  reason = "Each new external placement costs in excess of £150,000 a year",
}
