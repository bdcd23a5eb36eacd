-- Think Family: £230,000 for 2009/10 (£87,000 for family reforms and the family
-- intervention project, £143,000 for the parenting early intervention programme); "the
-- same level of funding is expected for 2010/2011 subject to DCSF confirmation" (section
-- 5). The grant pays for the work while it lasts: both end after 2010/11.
scenario "Think Family grant and the work it pays for"
funding { source = "Think Family grant", to = "2010/11",
          amounts = { ["2009/10"] = 230000, ["2010/11"] = 230000 } }
pressure { id = "TF-FIP", service = "Early Years and Extended Services",
           subjective = "Third Party Payments", amount = 87000, inflate = false,
           from = "2009-04", to = "2011-03", reason = "Family reforms and family intervention project" }
pressure { id = "TF-PEIP", service = "Early Years and Extended Services",
           subjective = "Third Party Payments", amount = 143000, inflate = false,
           from = "2009-04", to = "2011-03", reason = "Parenting early intervention programme" }
