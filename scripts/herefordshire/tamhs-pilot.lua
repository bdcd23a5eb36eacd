-- Targeted Mental Health in Schools: the pilot starts in April 2009 for two years, with
-- £220,000 for 2009/10 and £370,000 over the two years (section 5 and the resources
-- table); it pays for a 0.5 FTE fixed-term project manager and a 1.0 FTE fixed-term
-- CAMHS locality worker. Salaries are illustrative.
scenario "TaMHS pilot: two fixed-term posts paid by the grant"
include "tamhs-grant.lua"
staffing.add { post_id = "TAMHS-PM", service = "Access and Inclusion and SEN",
               title = "TaMHS project manager", category = "Managerial", fte = 0.5,
               salary = 40000, status = "fixed-term", from = "2009-04", to = "2011-03",
               funding = "TaMHS grant" }
staffing.add { post_id = "TAMHS-CLW", service = "Access and Inclusion and SEN",
               title = "CAMHS locality worker", category = "Front Line", fte = 1.0,
               salary = 28000, status = "fixed-term", from = "2009-04", to = "2011-03",
               funding = "TaMHS grant" }
