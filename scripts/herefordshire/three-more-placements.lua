-- "Each new placement typically costs in excess of £150,000 per year, this will be a
-- continuing cost pressure over the next three years" (2.4): three more children in
-- external residential care from October 2009, through the placements model. The three
-- then leave at the type's rate (an average stay of 104 weeks, placements.csv), so the
-- pressure is highest in 2010/11 and falls in 2011/12; a demand that keeps rising is
-- placements.growth's, and children who stay for the plan's years are leave = "none within
-- the plan".
scenario "Three more external residential placements from October 2009"
placements.add { type = "External residential", count = 3, from = "2009-10",
                 leave = "at the type's rate",
                 reason = "Herefordshire plan 2.4: rising external agency placements" }
