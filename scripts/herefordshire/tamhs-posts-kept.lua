-- The TaMHS grant ends after 2010/11 but the two posts are kept: their cost stays in
-- the plan without the grant (the pack's Audit sheet states the exit cost).
scenario "TaMHS ends and the posts are kept"
include "tamhs-grant.lua"
staffing.add { post_id = "TAMHS-PM", service = "Access and Inclusion and SEN",
               title = "TaMHS project manager", category = "Managerial", fte = 0.5,
               salary = 40000, from = "2009-04", funding = "TaMHS grant" }
staffing.add { post_id = "TAMHS-CLW", service = "Access and Inclusion and SEN",
               title = "CAMHS locality worker", category = "Front Line", fte = 1.0,
               salary = 28000, from = "2009-04", funding = "TaMHS grant" }
