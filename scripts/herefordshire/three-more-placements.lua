-- "Each new placement typically costs in excess of £150,000 per year, this will be a
-- continuing cost pressure over the next three years" (2.4): three more children in
-- external residential care from October 2009, through the placements model.
scenario "Three more external residential placements from October 2009"
placements.add { type = "External residential", count = 3, from = "2009-10",
                 reason = "Herefordshire plan 2.4: rising external agency placements" }
