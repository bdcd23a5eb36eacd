-- The Targeted Mental Health in Schools grant, for the two scenarios of the pilot
-- (included by tamhs-pilot.lua and tamhs-posts-kept.lua). The pilot starts in April 2009
-- for two years, with £220,000 for 2009/10 and £150,000 for 2010/11 (section 5 and the
-- resources table), a joint local authority and PCT project. The grant pays for the
-- pilot and nothing else: what the two posts do not take pays for the pilot's work in
-- schools, commissioned. The posts cost £63,874.56 in 2009/10 (£26,492.48 + £37,382.08,
-- the Audit sheet's staffing.add rows) and £65,508.00 in 2010/11 (£27,173.08 + £38,334.92),
-- so the work in schools is £220,000.00 - £63,874.56 = £156,125.44 and £150,000.00 -
-- £65,508.00 = £84,492.00, and the pilot leaves the gap where it was while the grant lasts.
funding { source = "TaMHS grant", to = "2010/11",
          amounts = { ["2009/10"] = 220000, ["2010/11"] = 150000 } }
pressure { id = "TAMHS-SCHOOLS", service = "Access and Inclusion and SEN",
           subjective = "Third Party Payments", amount = 156125.44, inflate = false,
           from = "2009-04", to = "2010-03", reason = "TaMHS work in schools, 2009/10" }
pressure { id = "TAMHS-SCHOOLS", service = "Access and Inclusion and SEN",
           subjective = "Third Party Payments", amount = 84492, inflate = false,
           from = "2010-04", to = "2011-03", reason = "TaMHS work in schools, 2010/11" }
