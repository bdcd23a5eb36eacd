-- The recommended budget: the plan's scenarios that the directorate expects, together. The
-- Primary Strategy for Change and Building Schools for the Future slip as their scenarios
-- say; three more children in external residential care from October 2009 (2.4); the 3%
-- efficiency target half delivered; the TaMHS pilot with its two fixed-term posts ending
-- with the grant; and the Think Family grant and the work it pays for. "TaMHS ends and the
-- posts are kept" is the pilot's alternative, so it is not one of them. Each part's items
-- keep their own script's line in the Audit sheet.
scenario {
  name = "Recommended budget",
  description = "The slippage, placements, efficiency, TaMHS pilot and Think Family scenarios together",
  uses = { "psfc-slippage.lua", "bsf-a-year-late.lua", "three-more-placements.lua",
           "efficiency-half-delivered.lua", "tamhs-pilot.lua", "think-family.lua" },
}
